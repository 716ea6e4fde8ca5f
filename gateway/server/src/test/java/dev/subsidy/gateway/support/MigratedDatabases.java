package dev.subsidy.gateway.support;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gateway's schema on both databases it runs on, for storage tests parameterised over
 * {@link Database}: a SQLite file and an embedded PostgreSQL, each migrated by Flyway on first use
 * and kept for the test class.
 */
public final class MigratedDatabases implements AutoCloseable {

    /** The databases the gateway runs on. */
    public enum Database { SQLITE, POSTGRESQL }

    private final String name;
    private final String target;
    private final Map<Database, HikariDataSource> sources = new EnumMap<>(Database.class);

    /** @param name names the SQLite file's temporary folder */
    public MigratedDatabases(String name) {
        this(name, "latest");
    }

    /**
     * Migrated only up to {@code target}, for a migration's own test: rows written as the schema before it
     * held them, then {@link #migrateToLatest}.
     */
    public MigratedDatabases(String name, String target) {
        this.name = name;
        this.target = target;
    }

    public synchronized JdbcTemplate jdbc(Database db) {
        return new JdbcTemplate(sources.computeIfAbsent(db, d -> {
            HikariDataSource source = new HikariDataSource();
            source.setJdbcUrl(d == Database.POSTGRESQL ? EmbeddedPostgres.newDatabaseUrl() : sqliteUrl());
            // Flyway holds a connection for its lock on PostgreSQL while it migrates on another
            source.setMaximumPoolSize(4);
            Flyway.configure().dataSource(source).locations("classpath:db/migration").target(target).load().migrate();
            return source;
        }));
    }

    /** Runs the migrations after the target on a database {@link #jdbc} has opened. */
    public synchronized void migrateToLatest(Database db) {
        Flyway.configure().dataSource(sources.get(db)).locations("classpath:db/migration").load().migrate();
    }

    private String sqliteUrl() {
        try {
            return "jdbc:sqlite:" + Files.createTempDirectory(name).resolve("gateway.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        sources.values().forEach(HikariDataSource::close);
        sources.clear();
    }
}
