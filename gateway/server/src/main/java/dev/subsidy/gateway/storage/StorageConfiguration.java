package dev.subsidy.gateway.storage;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }

    @Bean
    WriteLock writeLock(JdbcTemplate jdbc, Dialect dialect) {
        return new WriteLock(jdbc, dialect);
    }

    @Bean
    RowWriter rowWriter(Dialect dialect, JdbcTemplate jdbc) {
        return RowWriter.of(dialect, jdbc);
    }
}
