package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.storage.records.RecordHistory;
import dev.subsidy.gateway.support.EmbeddedPostgres;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Scans, payment method, refund status, receiver and parcel count go into the record tables and come back
 * to the period close exactly, on SQLite and on PostgreSQL (new rows through COPY there, revised rows
 * through UPDATE), and records sent without them come back without them.
 */
class RecordDetailRoundTripIT {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Instant ARRIVAL = Instant.parse("2026-12-01T00:00:00Z");
    private static final Period NOVEMBER = Period.parse("2026-11");

    private static final String DETAILED_SHIPMENT = """
        {"kind": "shipment", "carrier": "ZTO", "waybillNo": "75300001", "collectedAt": "2026-11-01T08:00:00+08:00",
         "originRegion": "522633", "destRegion": "440106", "deliveredAt": "2026-11-03T15:00:00+08:00",
         "orderRef": "PDD:P1", "paymentMethod": "cod", "receiverHash": "9f2c",
         "scans": [{"type": "collect", "at": "2026-11-01T08:00:00+08:00", "region": "522633", "facility": "从江 \\"一\\"站, A\\\\B"},
                   {"type": "depart", "at": "2026-11-01T20:00:00+08:00", "facility": "贵阳转运中心"},
                   {"type": "deliver", "at": "2026-11-03T15:00:00+08:00", "region": "440106"}],
         "updatedAt": "2026-11-03T15:05:00+08:00"}""";
    private static final String DETAILED_ORDER = """
        {"kind": "order", "platform": "PDD", "orderId": "P1", "shopId": "pdd-1", "channel": "C2C", "status": "REFUNDED",
         "paidAt": "2026-11-01T07:00:00+08:00", "amount": "19.90", "refundedAmount": "19.90", "waybills": ["ZTO:75300001"],
         "paymentMethod": "ONLINE", "refundStatus": "refunded", "receiverHash": "r-1", "parcelCount": 2, "buyerHash": "b-1",
         "updatedAt": "2026-11-05T10:00:00+08:00"}""";
    private static final String PLAIN_SHIPMENT = """
        {"kind": "shipment", "carrier": "SF", "waybillNo": "SF100", "collectedAt": "2026-11-02T08:00:00+08:00",
         "originSite": "CJ01", "destRegion": "440106", "traceEvents": 4, "updatedAt": "2026-11-02T09:00:00+08:00"}""";
    private static final String PLAIN_ORDER = """
        {"kind": "order", "platform": "TAOBAO", "orderId": "T1", "shopId": "tb-1", "channel": "B2C", "status": "PAID",
         "paidAt": "2026-11-02T07:00:00+08:00", "amount": "59.90", "updatedAt": "2026-11-02T07:00:00+08:00"}""";
    /** The detailed shipment, revised: one more scan and a later updatedAt (the UPDATE path). */
    private static final String REVISED_SHIPMENT = DETAILED_SHIPMENT
            .replace("\"type\": \"deliver\"", "\"type\": \"arrive\", \"at\": \"2026-11-02T20:00:00+08:00\"}, {\"type\": \"deliver\"")
            .replace("2026-11-03T15:05:00+08:00", "2026-11-03T16:00:00+08:00");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "PostgreSQL"})
    void theNewFieldsComeBackAsTheyWereAcceptedAndOldRecordsWithoutThem(String database) throws Exception {
        DataSource dataSource = database.equals("SQLite") ? sqlite() : postgres();
        try {
            roundTrip(dataSource);
        } finally {
            if (dataSource instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private void roundTrip(DataSource dataSource) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Dialect dialect = Dialect.of(dataSource);
        RowWriter rows = RowWriter.of(dialect, jdbc);
        if (dialect == Dialect.POSTGRESQL) {
            assertThat(rows.getClass().getSimpleName()).isEqualTo("CopyRowWriter");
        }
        JdbcIntakeStore store = new JdbcIntakeStore(jdbc, rows,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new WriteLock(jdbc, dialect));
        Shipment detailed = parse(DETAILED_SHIPMENT).shipment();
        Shipment plain = parse(PLAIN_SHIPMENT).shipment();
        SalesOrder detailedOrder = parse(DETAILED_ORDER).order();
        SalesOrder plainOrder = parse(PLAIN_ORDER).order();
        store.inWriteTransaction(() -> {
            store.storeShipments(List.of(detailed, plain), "standard", "b1", ARRIVAL);
            return store.storeOrders(List.of(detailedOrder, plainOrder), "standard", "b1", ARRIVAL);
        });

        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()));
        Map<String, Shipment> shipments = shipments(source);
        assertThat(shipments.get("ZTO:75300001")).isEqualTo(detailed);
        assertThat(shipments.get("ZTO:75300001").scans()).hasSize(3);
        assertThat(shipments.get("SF:SF100")).isEqualTo(plain);
        assertThat(shipments.get("SF:SF100").scans()).isEmpty();
        Map<String, StoredOrder> orders = source.orders(NOVEMBER, source.shipments(NOVEMBER));
        assertThat(orders.get("PDD:P1").record()).isEqualTo(detailedOrder);
        assertThat(orders.get("TAOBAO:T1").record()).isEqualTo(plainOrder);
        assertThat(orders.get("TAOBAO:T1").record().refundStatus()).isNull();
        assertThat(jdbc.queryForObject("SELECT scans FROM shipment WHERE natural_key = 'SF:SF100'", String.class)).isNull();
        // the row keeps no body when its columns give the canonical form back: the records API rebuilds it
        assertThat(jdbc.queryForObject("SELECT body FROM shipment WHERE natural_key = 'ZTO:75300001'", String.class))
                .isEmpty();
        assertThat(new RecordHistory(jdbc).find(RecordKind.SHIPMENT, "ZTO:75300001").orElseThrow().versions())
                .singleElement().extracting(RecordHistory.Version::body).asString()
                .isEqualTo(CanonicalForm.of(detailed)).contains("\"scans\":[{\"type\":\"COLLECT\"", "\"paymentMethod\":\"COD\"", "\"receiverHash\":\"9f2c\"");

        Shipment revised = parse(REVISED_SHIPMENT).shipment();
        store.inWriteTransaction(() -> store.storeShipments(List.of(revised), "standard", "b2", ARRIVAL));
        Shipment current = shipments(source).get("ZTO:75300001");
        assertThat(current).isEqualTo(revised);
        // a second version moves the inline first one into the history beside it (V13)
        assertThat(jdbc.queryForList("SELECT version FROM record_version WHERE natural_key = 'ZTO:75300001' "
                + "ORDER BY version", Integer.class)).containsExactly(1, 2);
        assertThat(jdbc.queryForObject("SELECT body FROM record_version WHERE natural_key = 'ZTO:75300001' "
                + "AND version = 1", String.class)).contains("\"receiverHash\":\"9f2c\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE natural_key = 'ZTO:75300001' "
                + "AND body IS NULL AND raw IS NULL", Integer.class)).isOne();
        assertThat(current.scans()).extracting(s -> s.type())
                .containsExactly(ScanType.COLLECT, ScanType.DEPART, ScanType.ARRIVE, ScanType.DELIVER);
    }

    private static Map<String, Shipment> shipments(JdbcRecordSource source) {
        return source.shipments(NOVEMBER).stream().map(StoredShipment::record)
                .collect(Collectors.toMap(Shipment::naturalKey, Function.identity()));
    }

    private static ParsedRecord parse(String text) throws Exception {
        Object result = new StandardRecordParser(Map.of())
                .parse(BodyRecord.of(0, (ObjectNode) JSON.readTree(text), text), ARRIVAL);
        assertThat(result).as("%s", result).isInstanceOf(ParsedRecord.class);
        return (ParsedRecord) result;
    }

    private DataSource sqlite() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + folder.resolve("gateway.db").toAbsolutePath());
        return dataSource;
    }

    private static DataSource postgres() {
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgres.newDatabaseUrl());
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }
}
