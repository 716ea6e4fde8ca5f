package dev.subsidy.gateway.intake.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.RecordLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A storing rehearsal writes through the gateway's own store and leaves nothing in the database, which then stores a body. */
class IntakeWarmUpIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T16:30:00Z"), ZoneOffset.UTC);
    private static final List<String> TABLES = List.of("shipment", "sales_order", "intake_batch", "raw_segment",
            "rejected_record", "record_version");

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRehearsalKeepsNothingAndTheNextBodyIsStored(Database db) {
        try (MigratedDatabases databases = new MigratedDatabases("warm-up-" + db)) {
            JdbcTemplate jdbc = databases.jdbc(db);
            Dialect dialect = Dialect.of(jdbc.getDataSource());
            JdbcIntakeStore store = new JdbcIntakeStore(jdbc, RowWriter.of(dialect, jdbc),
                    new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                    new WriteLock(jdbc, dialect));
            FeedIntake intake = new FeedIntake(store, Map.of(), RecordLimits.defaults(), 1_000, CLOCK);
            WarmUpFeed feed = new WarmUpFeed(LocalDate.of(2026, 12, 6));

            assertThat(intake.rehearseStoring(FeedFormat.NDJSON, feed.ndjson(0, 2_500))).isEqualTo(2_500);
            assertThat(intake.rehearseStoring(FeedFormat.CSV, feed.csv(2_500, 2_500))).isEqualTo(2_500);
            for (String table : TABLES) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).as(table).isZero();
            }

            byte[] body = feed.ndjson(0, 2_500);
            assertThat(intake.ingest("standard", FeedFormat.NDJSON, StandardCharsets.UTF_8, body).accepted())
                    .as("the same records, new to the database").isEqualTo(2_500);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment", Long.class)
                    + jdbc.queryForObject("SELECT COUNT(*) FROM sales_order", Long.class)).isEqualTo(2_500);
        }
    }
}
