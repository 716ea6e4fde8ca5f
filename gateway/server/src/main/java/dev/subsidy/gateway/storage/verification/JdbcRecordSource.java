package dev.subsidy.gateway.storage.verification;

import static dev.subsidy.gateway.storage.Sql.integer;
import static dev.subsidy.gateway.storage.Sql.millis;

import dev.subsidy.gateway.storage.Background;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RefundStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.TraceCheck;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads a period close's records from the {@code shipment} and {@code sales_order} tables: the
 * current version of each, with its connectors and duplicates.
 */
@Component
class JdbcRecordSource implements RecordSource {

    private static final String SHIPMENT_COLUMNS = "carrier, waybill_no, collected_at, origin_region, origin_site, "
            + "dest_region, dest_country, delivered_at, delivered_region, delivery_site, order_ref, shipper_id, "
            + "weight_grams, trace_events, updated_at, connectors, duplicates, versions, scans, "
            + "payment_method, receiver_hash";
    private static final String ORDER_COLUMNS = "platform, order_id, shop_id, merchant_id, channel, order_status, "
            + "paid_at, amount_fen, refunded_fen, currency, fx_rate, waybills, categories, cross_border, dest_region, "
            + "dest_country, buyer_hash, updated_at, connectors, duplicates, versions, payment_method, "
            + "refund_status, receiver_hash, parcel_count";

    private final JdbcTemplate jdbc;
    /** Reads a close's paid orders beside its shipments: closes take turns, so one thread. */
    private final ExecutorService reader = Background.thread("close-reader");

    JdbcRecordSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(Period period) {
        long from = period.start().toEpochMilli();
        long to = period.end().toEpochMilli();
        Long shipments = jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE (collected_at >= ? AND collected_at < ?) "
                + "OR (delivered_at >= ? AND delivered_at < ?)", Long.class, from, to, from, to);
        Long orders = jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE paid_at >= ? AND paid_at < ?",
                Long.class, period.start().minus(LINK_WINDOW).toEpochMilli(), to);
        return (shipments == null ? 0 : shipments) + (orders == null ? 0 : orders);
    }

    @Override
    public List<StoredShipment> shipments(Period period) {
        long from = period.start().toEpochMilli();
        long to = period.end().toEpochMilli();
        return jdbc.query("SELECT " + SHIPMENT_COLUMNS + " FROM shipment WHERE (collected_at >= ? AND collected_at < ?) "
                + "OR (delivered_at >= ? AND delivered_at < ?) ORDER BY natural_key", shipmentRows(), from, to, from, to);
    }

    @Override
    public Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments) {
        return withNamed(paidOrders(period), shipments);
    }

    /**
     * The paid orders are read on another connection while this thread reads the shipments: each is a
     * query and a row mapping on one core. Both see the same records: a close reads them holding the write
     * lock, before it writes anything (measured at 1,003,000 records on SQLite: see docs/operations.md).
     */
    @Override
    public Read read(Period period) {
        CompletableFuture<Map<String, StoredOrder>> paid = CompletableFuture.supplyAsync(() -> paidOrders(period),
                reader);
        // should the shipments' read fail, the close rolls back and the orders read meanwhile are dropped
        List<StoredShipment> shipments = shipments(period);
        return new Read(shipments, withNamed(Background.joined(paid), shipments));
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    /** The orders paid in the period or the link window before it, in the order the query gives them. */
    private Map<String, StoredOrder> paidOrders(Period period) {
        Map<String, StoredOrder> byKey = new LinkedHashMap<>();
        RowMapper<StoredOrder> rows = orderRows();
        long from = period.start().minus(LINK_WINDOW).toEpochMilli();
        long to = period.end().toEpochMilli();
        jdbc.query("SELECT " + ORDER_COLUMNS + " FROM sales_order WHERE paid_at >= ? AND paid_at < ?", rs -> {
            StoredOrder o = rows.mapRow(rs, 0);
            byKey.put(o.record().naturalKey(), o);
        }, from, to);
        return byKey;
    }

    /** {@code byKey} with the orders the shipments name that it does not hold yet. */
    private Map<String, StoredOrder> withNamed(Map<String, StoredOrder> byKey, Collection<StoredShipment> shipments) {
        RowMapper<StoredOrder> rows = orderRows();
        List<String> named = shipments.stream().map(s -> s.record().orderRef())
                .filter(ref -> ref != null && !byKey.containsKey(ref)).distinct().toList();
        for (List<String> slice : Sql.slices(named, 500)) {
            jdbc.query("SELECT " + ORDER_COLUMNS + " FROM sales_order WHERE natural_key IN ("
                    + Sql.placeholders(slice.size()) + ")", rs -> {
                        StoredOrder o = rows.mapRow(rs, 0);
                        byKey.put(o.record().naturalKey(), o);
                    }, slice.toArray());
        }
        return byKey;
    }

    @Override
    public Map<String, List<SourceVersion<Shipment>>> shipmentHistory(Period period) {
        long from = period.start().toEpochMilli();
        long to = period.end().toEpochMilli();
        return history("SELECT v.natural_key, v.connector_id, v.received_at, v.body, "
                + "CASE WHEN v.version = s.version THEN 1 ELSE 0 END AS current_version "
                + "FROM record_version v JOIN shipment s ON s.natural_key = v.natural_key "
                + "WHERE v.kind = 'SHIPMENT' AND s.versions > 1 AND ((s.collected_at >= ? AND s.collected_at < ?) "
                + "OR (s.delivered_at >= ? AND s.delivered_at < ?)) ORDER BY v.natural_key, v.version", Shipment.class,
                from, to, from, to);
    }

    @Override
    public Map<String, List<SourceVersion<SalesOrder>>> orderHistory(Period period) {
        long from = period.start().minus(LINK_WINDOW).toEpochMilli();
        long to = period.end().toEpochMilli();
        return history("SELECT v.natural_key, v.connector_id, v.received_at, v.body, "
                + "CASE WHEN v.version = o.version THEN 1 ELSE 0 END AS current_version "
                + "FROM record_version v JOIN sales_order o ON o.natural_key = v.natural_key "
                + "WHERE v.kind = 'ORDER' AND o.versions > 1 AND o.paid_at >= ? AND o.paid_at < ? "
                + "ORDER BY v.natural_key, v.version", SalesOrder.class, from, to);
    }

    @Override
    public Map<String, Map<LocalDate, Integer>> dailyOrders(LocalDate from, LocalDate to) {
        long fromMs = from.atStartOfDay(Period.CHINA).toInstant().toEpochMilli();
        long toMs = to.atStartOfDay(Period.CHINA).toInstant().toEpochMilli();
        Map<String, Map<LocalDate, Integer>> byShop = new HashMap<>();
        // China-time day number: integer division on both SQLite and PostgreSQL (BIGINT / BIGINT)
        jdbc.query("SELECT platform, shop_id, (paid_at + 28800000) / 86400000 AS day, COUNT(*) AS orders "
                + "FROM sales_order WHERE paid_at >= ? AND paid_at < ? GROUP BY platform, shop_id, "
                + "(paid_at + 28800000) / 86400000", rs -> {
                    byShop.computeIfAbsent(rs.getString("platform") + ":" + rs.getString("shop_id"), k -> new HashMap<>())
                            .put(LocalDate.ofEpochDay(rs.getLong("day")), rs.getInt("orders"));
                }, fromMs, toMs);
        return byShop;
    }

    /**
     * The period's records are read without their content hashes (64 characters each, about an eighth of what a
     * close holds per record); a reviewer's decision needs the hash of the few records it was made on.
     */
    @Override
    public Map<String, String> contentHashes(RecordKind kind, Collection<String> naturalKeys) {
        String table = kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
        Map<String, String> hashes = new HashMap<>();
        for (List<String> slice : Sql.slices(List.copyOf(naturalKeys), 500)) {
            jdbc.query("SELECT natural_key, content_hash FROM " + table + " WHERE natural_key IN ("
                    + Sql.placeholders(slice.size()) + ")", rs -> {
                        hashes.put(rs.getString(1), rs.getString(2));
                    }, slice.toArray());
        }
        return hashes;
    }

    /**
     * The latest trace check of each of the period's shipments, in one query (two checks of one parcel in
     * the same millisecond cannot be told apart: one of them).
     */
    @Override
    public Map<String, TraceCheck> traceChecks(Period period) {
        long from = period.start().toEpochMilli();
        long to = period.end().toEpochMilli();
        Map<String, TraceCheck> byKey = new LinkedHashMap<>();
        // from the checks to their shipments, not from every shipment of the period to its checks: few parcels are
        // checked (SQLite, without statistics, probed trace_check once per shipment: 1.4 s of a million-record close)
        jdbc.query("SELECT t.natural_key, t.checked_at, t.outcome, t.detail, t.connector_id FROM trace_check t "
                + "WHERE t.checked_at = (SELECT MAX(u.checked_at) FROM trace_check u WHERE u.natural_key = t.natural_key) "
                + "AND EXISTS (SELECT 1 FROM shipment s WHERE s.natural_key = t.natural_key AND ((s.collected_at >= ? "
                + "AND s.collected_at < ?) OR (s.delivered_at >= ? AND s.delivered_at < ?))) "
                + "ORDER BY t.natural_key, t.checked_at", rs -> {
                    byKey.put(rs.getString("natural_key"), new TraceCheck(rs.getString("natural_key"),
                            TraceCheck.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                            millis(rs, "checked_at"), rs.getString("connector_id")));
                }, from, to, from, to);
        return byKey;
    }

    /** Every version the query finds, read back from its canonical body, grouped by natural key. */
    private <T> Map<String, List<SourceVersion<T>>> history(String sql, Class<T> type, Object... args) {
        Map<String, List<SourceVersion<T>>> byKey = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            T record = CanonicalForm.read(rs.getString("body"), type, null);
            byKey.computeIfAbsent(rs.getString("natural_key"), k -> new ArrayList<>()).add(new SourceVersion<>(
                    rs.getString("connector_id"), millis(rs, "received_at"), rs.getInt("current_version") == 1, record));
        }, args);
        return byKey;
    }

    /**
     * A close holds every record of its period at once: the many values records share (a site, a region, a
     * shop, a connector list) are kept once per query rather than once per row, which is most of what a
     * record costs in memory. Bounded, so a column of mostly distinct values stops being remembered.
     */
    static final class SharedValues {
        private static final int MOST = 200_000;
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, List<String>> lists = new HashMap<>();
        /**
         * The last instant seen in each of a few thousand slots, by its millisecond: a body's records share the
         * arrival that stands in for a missing updatedAt, and scanners stamp many parcels in the same minute. An
         * Instant is 24 bytes, two or three per record.
         */
        private final Instant[] instants = new Instant[4096];

        String text(ResultSet rs, String column) throws SQLException {
            String value = rs.getString(column);
            if (value == null) {
                return null;
            }
            String known = texts.get(value);
            if (known != null) {
                return known;
            }
            if (texts.size() < MOST) {
                texts.put(value, value);
            }
            return value;
        }

        Instant instant(ResultSet rs, String column) throws SQLException {
            long value = rs.getLong(column);
            if (rs.wasNull()) {
                return null;
            }
            // Fibonacci hashing: times on whole seconds or minutes end in the same low bits
            int slot = (int) ((value * 0x9E3779B97F4A7C15L) >>> 52);
            Instant known = instants[slot];
            if (known == null || known.toEpochMilli() != value) {
                known = Instant.ofEpochMilli(value);
                instants[slot] = known;
            }
            return known;
        }

        List<String> list(ResultSet rs, String column) throws SQLException {
            String value = rs.getString(column);
            if (value == null || value.isEmpty()) {
                return List.of();
            }
            List<String> known = lists.get(value);
            if (known != null) {
                return known;
            }
            List<String> items = List.of(value.split(","));
            if (lists.size() < MOST) {
                lists.put(value, items);
            }
            return items;
        }
    }

    private static RowMapper<StoredShipment> shipmentRows() {
        SharedValues shared = new SharedValues();
        return (rs, n) -> new StoredShipment(new Shipment(
            Carrier.valueOf(rs.getString("carrier")), rs.getString("waybill_no"), shared.instant(rs, "collected_at"),
            shared.text(rs, "origin_region"), shared.text(rs, "origin_site"), shared.text(rs, "dest_region"),
            shared.text(rs, "dest_country"), shared.instant(rs, "delivered_at"), shared.text(rs, "delivered_region"),
            shared.text(rs, "delivery_site"), rs.getString("order_ref"), shared.text(rs, "shipper_id"),
            integer(rs, "weight_grams"), integer(rs, "trace_events"), shared.instant(rs, "updated_at"),
            CanonicalForm.readScans(rs.getString("scans")), named(PaymentMethod.class, rs.getString("payment_method")),
            rs.getString("receiver_hash")), shared.list(rs, "connectors"), rs.getInt("duplicates"), null,
            rs.getInt("versions"));
    }

    private static RowMapper<StoredOrder> orderRows() {
        SharedValues shared = new SharedValues();
        return (rs, n) -> {
            String rate = rs.getString("fx_rate");
            SalesOrder order = new SalesOrder(Platform.valueOf(rs.getString("platform")), rs.getString("order_id"),
                    shared.text(rs, "shop_id"), shared.text(rs, "merchant_id"), Channel.valueOf(rs.getString("channel")),
                    OrderStatus.valueOf(rs.getString("order_status")), shared.instant(rs, "paid_at"),
                    BigDecimal.valueOf(rs.getLong("amount_fen"), 2), BigDecimal.valueOf(rs.getLong("refunded_fen"), 2),
                    shared.text(rs, "currency"), rate == null ? null : new BigDecimal(rate), list(rs, "waybills"),
                    shared.list(rs, "categories"), rs.getInt("cross_border") == 1, shared.text(rs, "dest_region"),
                    shared.text(rs, "dest_country"), rs.getString("buyer_hash"), shared.instant(rs, "updated_at"),
                    named(PaymentMethod.class, rs.getString("payment_method")),
                    named(RefundStatus.class, rs.getString("refund_status")), rs.getString("receiver_hash"),
                    integer(rs, "parcel_count"));
            return new StoredOrder(order, shared.list(rs, "connectors"), rs.getInt("duplicates"), null,
                    rs.getInt("versions"));
        };
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static List<String> list(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split(",")));
    }
}
