package dev.subsidy.gateway.bench;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.RecordLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's intake without HTTP: {@link FeedIntake} and the gateway's store on a fresh database, NDJSON
 * bodies one after another on one calling thread (the intake's reading thread beside it). Only the
 * ingest calls are timed.
 */
final class InProcessIntake {

    private final FeedIntake intake;
    private long accepted;
    private long nanos;

    InProcessIntake(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Dialect dialect = Dialect.of(dataSource);
        JdbcIntakeStore store = new JdbcIntakeStore(jdbc, RowWriter.of(dialect, jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new WriteLock(jdbc, dialect));
        this.intake = new FeedIntake(store, Map.of(), RecordLimits.defaults(), ParseOnly.CHUNK, Clock.systemUTC());
    }

    InProcessIntake post(List<BodyFiles.Body> bodies, Progress progress) throws IOException {
        for (BodyFiles.Body b : bodies) {
            byte[] body = Files.readAllBytes(b.file());
            long start = System.nanoTime();
            accepted += intake.ingest("standard", FeedFormat.NDJSON, StandardCharsets.UTF_8, body).accepted();
            nanos += System.nanoTime() - start;
            progress.step();
        }
        return this;
    }

    long accepted() {
        return accepted;
    }

    double seconds() {
        return nanos / 1e9;
    }
}
