package dev.subsidy.gateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.storage.RecordingCores;
import dev.subsidy.gateway.storage.delivery.JdbcOutbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A real SQLite file database in a temp folder, migrated by Flyway from classpath:db/migration, with
 * the real {@link Outbox} filling it — the same rows the gateway would send.
 */
final class OutboxDatabase {

    static final String JURISDICTION = "从江县";
    static final ObjectMapper JSON = new ObjectMapper();
    /** One helper thread for every outbox of the tests, as the gateway has one. */
    static final RecordingCores CORES = new RecordingCores();

    private final SQLiteDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private OutboxDatabase(Path folder) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(30_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + folder.resolve("gateway.db").toAbsolutePath());
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static OutboxDatabase migrated(Path folder) {
        return unmigrated(folder).migrate();
    }

    /** The file exists but has no tables yet: every query fails until {@link #migrate()}. */
    static OutboxDatabase unmigrated(Path folder) {
        return new OutboxDatabase(folder);
    }

    OutboxDatabase migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return this;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Queues {@code items} figures in one batch, in a transaction as the period close does; returns the batch id. */
    String enqueue(DeliveryKind kind, int items, Clock clock) {
        Outbox outbox = new JdbcOutbox(jdbc, JSON, gateway(), DeliverySettings.intakeAt(null), clock, CORES);
        List<ObjectNode> lines = IntStream.range(0, items).mapToObj(i -> line(kind, i)).toList();
        transactions.executeWithoutResult(tx -> outbox.enqueue(kind, "2026-11", lines));
        return jdbc.queryForObject("SELECT id FROM delivery ORDER BY rowid DESC LIMIT 1", String.class);
    }

    /** Queues {@code items} lines through {@code outbox}, in one transaction as the period close does. */
    void enqueue(Outbox outbox, DeliveryKind kind, int items) {
        List<ObjectNode> lines = IntStream.range(0, items).mapToObj(i -> line(kind, i)).toList();
        transactions.executeWithoutResult(tx -> outbox.enqueue(kind, "2026-11", lines));
    }

    static GatewayProperties jurisdiction() {
        return gateway();
    }

    String enqueueFigures(Clock clock) {
        return enqueue(DeliveryKind.FIGURES, 2, clock);
    }

    Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT * FROM delivery WHERE id = ?", id);
    }

    String body(String id) {
        return jdbc.queryForObject("SELECT body FROM delivery WHERE id = ?", String.class, id);
    }

    int attempts(String id) {
        return ((Number) row(id).get("attempts")).intValue();
    }

    String status(String id) {
        return (String) row(id).get("status");
    }

    Instant nextAttemptAt(String id) {
        return Instant.ofEpochMilli(((Number) row(id).get("next_attempt_at")).longValue());
    }

    void postpone(String id, Duration by, Clock clock) {
        jdbc.update("UPDATE delivery SET next_attempt_at = ? WHERE id = ?", clock.instant().plus(by).toEpochMilli(), id);
    }

    /** Bound as Spring binds it, so settings other developers add keep their defaults here too. */
    private static GatewayProperties gateway() {
        var source = new MapConfigurationPropertySource(Map.of(
                "gateway.jurisdiction.name", JURISDICTION, "gateway.jurisdiction.regions", "522633"));
        return new Binder(source).bindOrCreate("gateway", GatewayProperties.class);
    }

    private static ObjectNode line(DeliveryKind kind, int i) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode subject = JSON.createObjectNode()
                .put("type", "EXPRESS_COMPANY").put("id", "91522633MA6DXXXX0" + i).put("name", "从江县某快递有限公司" + i);
        if (kind == DeliveryKind.FIGURES) {
            line.put("figureId", "fig-" + i).set("subject", subject);
            line.put("metric", "PARCELS_OUTBOUND_LOCAL_PRODUCTS").put("period", "2026-11")
                    .put("value", String.valueOf(12000 + i)).put("unit", "PARCEL").put("revision", 1);
        } else {
            line.put("awardId", "award-" + i).put("policy", "cj-express-parcel").put("clause", "三(二)2")
                    .set("subject", subject);
            line.put("period", "2026").put("amount", "13000.00").put("currency", "CNY").put("revision", 1)
                    .put("explanation", "10000 × 1.00 + 2000 × 1.50");
        }
        return line;
    }
}
