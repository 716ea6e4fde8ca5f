package dev.subsidy.gateway.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.GatewayProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
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
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create gateway.home " + file.getParent(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL lets readers run beside the single writer; FULL syncs the WAL on every commit, so a
        // 202 from the feed endpoint survives a power cut, not only a process crash.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(60_000);
        // IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads and then
        // writes fails at once with SQLITE_BUSY when another writer got there first.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.enforceForeignKeys(true);
        SQLiteDataSource target = new SQLiteDataSource(sqlite);
        target.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(target);
        pool.setPoolName("sqlite");
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(120_000);
        log.info("embedded database: {}", file);
        return new HikariDataSource(pool);
    }
}
