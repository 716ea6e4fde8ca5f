package dev.subsidy.gateway.storage;

import dev.subsidy.gateway.GatewayProperties;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: an SQLite file under {@code gateway.home}, used whenever
 * {@code spring.datasource.url} is not set (production sets it to a PostgreSQL URL and Spring
 * Boot's own pool takes over).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String FILE_NAME = "gateway.db";

    @Bean
    DataSource dataSource(GatewayProperties properties) {
        Path file = properties.home().resolve(FILE_NAME).toAbsolutePath();
        log.info("embedded database: {}", file);
        return SqliteDataSources.create(file);
    }
}
