package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RefundStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A record received once keeps no canonical body in its row when the row's columns give the form back
 * (docs/records.md "Provenance"): the records API, the raw payload and the history a second
 * version starts show exactly the form the record arrived with, whether the row kept its body or not. Each
 * way a column loses something — a time finer than a millisecond, an amount not in fen, a rate in
 * scientific notation, a list item holding a comma or empty — keeps the body, on SQLite and PostgreSQL.
 */
class InlineBodyIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("inline-body");
    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    static final Instant RECEIVED = Instant.parse("2026-11-03T00:00:00Z");

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyVersionReadsBackAsItsCanonicalFormWhetherTheRowKeptItsBodyOrNot(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        JdbcIntakeStore store = store(jdbc);
        RecordHistory history = new RecordHistory(jdbc);
        Map<Shipment, Boolean> shipments = shipments();
        Map<SalesOrder, Boolean> orders = orders();

        store.inWriteTransaction(() -> {
            store.storeArrivedShipments(shipments.keySet().stream().map(s -> Arrival.of(s, "raw " + s.waybillNo()))
                    .toList(), "feed", "b1", RECEIVED);
            return store.storeArrivedOrders(orders.keySet().stream().map(o -> Arrival.of(o, "raw " + o.orderId()))
                    .toList(), "feed", "b1", RECEIVED);
        });

        shipments.forEach((s, bodyless) -> {
            assertThat(RecordColumns.holdAll(s)).as(s.waybillNo()).isEqualTo(bodyless);
            assertThat(body(jdbc, "shipment", s.naturalKey())).as(s.waybillNo()).isEqualTo(bodyless ? "" : CanonicalForm.of(s));
            assertThat(onlyBody(history, RecordKind.SHIPMENT, s.naturalKey())).as(s.waybillNo()).isEqualTo(CanonicalForm.of(s));
            assertThat(history.raw(RecordKind.SHIPMENT, s.naturalKey(), 1))
                    .contains(new RecordHistory.RawPayload.Kept("raw " + s.waybillNo()));
        });
        orders.forEach((o, bodyless) -> {
            assertThat(RecordColumns.holdAll(o)).as(o.orderId()).isEqualTo(bodyless);
            assertThat(body(jdbc, "sales_order", o.naturalKey())).as(o.orderId()).isEqualTo(bodyless ? "" : CanonicalForm.of(o));
            assertThat(onlyBody(history, RecordKind.ORDER, o.naturalKey())).as(o.orderId()).isEqualTo(CanonicalForm.of(o));
        });

        // a second version moves the first, body rebuilt where the row kept none, into the history beside it
        List<Shipment> revisedShipments = shipments.keySet().stream().map(InlineBodyIT::revised).toList();
        List<SalesOrder> revisedOrders = orders.keySet().stream().map(InlineBodyIT::revised).toList();
        store.inWriteTransaction(() -> {
            store.storeShipments(revisedShipments, "feed", "b2", RECEIVED.plusSeconds(60));
            return store.storeOrders(revisedOrders, "feed", "b2", RECEIVED.plusSeconds(60));
        });
        List<Shipment> first = new ArrayList<>(shipments.keySet());
        for (int i = 0; i < first.size(); i++) {
            String key = first.get(i).naturalKey();
            assertThat(bodies(history, RecordKind.SHIPMENT, key)).as(key)
                    .containsExactly(CanonicalForm.of(first.get(i)), CanonicalForm.of(revisedShipments.get(i)));
            assertThat(body(jdbc, "shipment", key)).isNull();
            assertThat(history.raw(RecordKind.SHIPMENT, key, 1))
                    .contains(new RecordHistory.RawPayload.Kept("raw " + first.get(i).waybillNo()));
        }
        List<SalesOrder> firstOrders = new ArrayList<>(orders.keySet());
        for (int i = 0; i < firstOrders.size(); i++) {
            String key = firstOrders.get(i).naturalKey();
            assertThat(bodies(history, RecordKind.ORDER, key)).as(key)
                    .containsExactly(CanonicalForm.of(firstOrders.get(i)), CanonicalForm.of(revisedOrders.get(i)));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void recordsSharingOneRawPayloadAreRevisedInOneChunk(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        JdbcIntakeStore store = store(jdbc);
        // the parcels a mapping made of one partner record share its raw payload
        List<Shipment> parcels = List.of(shipment("shared-1", T0, null, List.of()), shipment("shared-2", T0, null,
                List.of()), shipment("shared-3", T0.plusSeconds(1), null, List.of()));
        store.inWriteTransaction(() -> store.storeArrivedShipments(parcels.stream()
                .map(s -> Arrival.of(s, "{\"waybills\": [\"shared-1\", \"shared-2\", \"shared-3\"]}")).toList(),
                "feed", "b1", RECEIVED));

        // all of them revised at once: their first versions leave their rows for the history together
        store.inWriteTransaction(() -> store.storeArrivedShipments(parcels.stream()
                .map(s -> Arrival.of(revised(s), "revised " + s.waybillNo())).toList(), "feed", "b2",
                RECEIVED.plusSeconds(60)));

        RecordHistory history = new RecordHistory(jdbc);
        for (Shipment s : parcels) {
            assertThat(history.raw(RecordKind.SHIPMENT, s.naturalKey(), 1)).as(s.waybillNo()).contains(
                    new RecordHistory.RawPayload.Kept("{\"waybills\": [\"shared-1\", \"shared-2\", \"shared-3\"]}"));
            assertThat(history.raw(RecordKind.SHIPMENT, s.naturalKey(), 2)).as(s.waybillNo())
                    .contains(new RecordHistory.RawPayload.Kept("revised " + s.waybillNo()));
        }
    }

    /** Shipments, each with whether its row keeps no body. */
    private static Map<Shipment, Boolean> shipments() {
        Map<Shipment, Boolean> all = new LinkedHashMap<>();
        all.put(shipment("plain", T0, null, List.of()), true);
        all.put(shipment("delivered", T0, T0.plusSeconds(86_400), List.of()), true);
        // scans are kept as their JSON, whole: a scan's time finer than a millisecond loses nothing
        all.put(shipment("scanned", T0, null, List.of(new Scan(ScanType.COLLECT, T0.plusNanos(1), "522633", "从江, \"一\"站"),
                new Scan(ScanType.DELIVER, T0.plusSeconds(3_600), null, null))), true);
        all.put(shipment("collected-nanos", T0.plusNanos(1_000_001), null, List.of()), false);
        all.put(shipment("delivered-micros", T0, T0.plusNanos(5_000), List.of()), false);
        return all;
    }

    /** Orders, each with whether its row keeps no body. */
    private static Map<SalesOrder, Boolean> orders() {
        Map<SalesOrder, Boolean> all = new LinkedHashMap<>();
        all.put(order("plain", T0, "59.90", "0.00", null, List.of("ZTO:1"), List.of("tea")), true);
        all.put(order("fx", T0, "70.00", "0.00", "7.1234", List.of("ZTO:1", "SF:2"), List.of("tea", "rice")), true);
        all.put(order("no-lists", T0, "1.00", "1.00", null, List.of(), List.of()), true);
        all.put(order("paid-nanos", T0.plusNanos(10), "59.90", "0.00", null, List.of(), List.of()), false);
        all.put(order("one-decimal", T0, "12.5", "0.00", null, List.of(), List.of()), false);
        all.put(order("whole", T0, "12.00", "12", null, List.of(), List.of()), false);
        all.put(order("fen-three", T0, "12.000", "0.00", null, List.of(), List.of()), false);
        all.put(order("fx-scientific", T0, "70.00", "0.00", "1E+1", List.of(), List.of()), false);
        all.put(order("comma-waybill", T0, "1.00", "0.00", null, List.of("ZTO:1,2"), List.of()), false);
        all.put(order("empty-category", T0, "1.00", "0.00", null, List.of(), List.of("tea", "")), false);
        return all;
    }

    static Shipment shipment(String waybill, Instant collected, Instant delivered, List<Scan> scans) {
        return new Shipment(Carrier.ZTO, waybill, collected, "522633", "CJ01", "440106", "CN", delivered,
                delivered == null ? null : "440106", null, "PDD:" + waybill, "shipper-1", 1200, null, T0, scans,
                PaymentMethod.COD, "9f2c");
    }

    static SalesOrder order(String id, Instant paid, String amount, String refunded, String rate,
                            List<String> waybills, List<String> categories) {
        return new SalesOrder(Platform.PDD, id, "pdd-1", "m-1", Channel.C2C, OrderStatus.PAID, paid,
                new BigDecimal(amount), new BigDecimal(refunded), rate == null ? "CNY" : "USD",
                rate == null ? null : new BigDecimal(rate), waybills, categories, rate != null, "440106", "CN", "b-1",
                T0, PaymentMethod.ONLINE, RefundStatus.NONE, "r-1", 1);
    }

    static Shipment revised(Shipment s) {
        return new Shipment(s.carrier(), s.waybillNo(), s.collectedAt(), s.originRegion(), s.originSite(),
                s.destRegion(), s.destCountry(), s.deliveredAt(), s.deliveredRegion(), "DS-9", s.orderRef(),
                s.shipperId(), s.weightGrams(), s.traceEvents(), s.updatedAt().plusSeconds(60), s.scans(),
                s.paymentMethod(), s.receiverHash());
    }

    private static SalesOrder revised(SalesOrder o) {
        return new SalesOrder(o.platform(), o.orderId(), o.shopId(), o.merchantId(), o.channel(), OrderStatus.COMPLETED,
                o.paidAt(), o.amount(), o.refundedAmount(), o.currency(), o.fxRate(), o.waybills(), o.categories(),
                o.crossBorder(), o.destRegion(), o.destCountry(), o.buyerHash(), o.updatedAt().plusSeconds(60),
                o.paymentMethod(), o.refundStatus(), o.receiverHash(), o.parcelCount());
    }

    private static String body(JdbcTemplate jdbc, String table, String key) {
        return jdbc.queryForObject("SELECT body FROM " + table + " WHERE natural_key = ?", String.class, key);
    }

    private static String onlyBody(RecordHistory history, RecordKind kind, String key) {
        List<String> bodies = bodies(history, kind, key);
        assertThat(bodies).as(key).hasSize(1);
        return bodies.get(0);
    }

    private static List<String> bodies(RecordHistory history, RecordKind kind, String key) {
        return history.find(kind, key).orElseThrow().versions().stream().map(RecordHistory.Version::body).toList();
    }

    static JdbcIntakeStore store(JdbcTemplate jdbc) {
        Dialect dialect = Dialect.of(jdbc.getDataSource());
        return new JdbcIntakeStore(jdbc, RowWriter.of(dialect, jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new WriteLock(jdbc, dialect));
    }
}
