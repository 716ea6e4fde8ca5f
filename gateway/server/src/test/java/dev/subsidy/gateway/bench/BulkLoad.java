package dev.subsidy.gateway.bench;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's fastest path for the same rows, nothing else: one row per record in its current-version table
 * (the columns the intake fills), through {@link RowWriter} (COPY on PostgreSQL, batched prepared INSERTs on
 * SQLite), one transaction per body. Rows are built before the clock starts; only the load is timed.
 */
final class BulkLoad {

    private static final String[] COMMON = {"natural_key", "version", "versions", "updated_at", "content_hash",
        "connector_id", "connectors", "duplicates", "received_at", "status"};
    private static final int[] COMMON_TYPES = {VARCHAR, INTEGER, INTEGER, BIGINT, VARCHAR, VARCHAR, VARCHAR, INTEGER,
        BIGINT, VARCHAR};
    private static final String[] SHIPMENT = concat(COMMON, "carrier", "waybill_no", "collected_at", "origin_site",
            "dest_region", "order_ref", "weight_grams", "trace_events");
    private static final int[] SHIPMENT_TYPES = concat(COMMON_TYPES, VARCHAR, VARCHAR, BIGINT, VARCHAR, VARCHAR,
            VARCHAR, INTEGER, INTEGER);
    private static final String[] ORDER = concat(COMMON, "platform", "order_id", "shop_id", "channel",
            "order_status", "paid_at", "amount_fen", "refunded_fen", "currency", "waybills", "categories",
            "cross_border", "parcel_count");
    private static final int[] ORDER_TYPES = concat(COMMON_TYPES, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT,
            BIGINT, BIGINT, VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER);

    private final RowWriter writer;
    private final TransactionTemplate tx;
    private long nanos;
    private long rows;

    BulkLoad(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.writer = RowWriter.of(Dialect.of(dataSource), jdbc);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Loads one body's records in one transaction, timing only the load. */
    void load(List<ParsedRecord> records, long receivedAt) {
        List<Object[]> shipments = new ArrayList<>();
        List<Object[]> orders = new ArrayList<>();
        for (ParsedRecord r : records) {
            if (r.shipment() != null) {
                shipments.add(shipmentRow(r.shipment(), receivedAt));
            } else {
                orders.add(orderRow(r.order(), receivedAt));
            }
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> {
            writer.insert("shipment", SHIPMENT, SHIPMENT_TYPES, shipments);
            writer.insert("sales_order", ORDER, ORDER_TYPES, orders);
        });
        nanos += System.nanoTime() - start;
        rows += records.size();
    }

    double seconds() {
        return nanos / 1e9;
    }

    long rows() {
        return rows;
    }

    private static Object[] shipmentRow(Shipment s, long receivedAt) {
        return new Object[] {s.naturalKey(), 1, 1, s.updatedAt().toEpochMilli(),
            CanonicalForm.sha256(CanonicalForm.of(s)), "bench", "bench", 0, receivedAt, "RECEIVED", s.carrier().name(),
            s.waybillNo(), s.collectedAt().toEpochMilli(), s.originSite(), s.destRegion(), s.orderRef(),
            s.weightGrams(), s.traceEvents()};
    }

    private static Object[] orderRow(SalesOrder o, long receivedAt) {
        return new Object[] {o.naturalKey(), 1, 1, o.updatedAt().toEpochMilli(),
            CanonicalForm.sha256(CanonicalForm.of(o)), "bench", "bench", 0, receivedAt, "RECEIVED", o.platform().name(),
            o.orderId(), o.shopId(), o.channel().name(), o.status().name(), o.paidAt().toEpochMilli(),
            o.amount().movePointRight(2).longValueExact(), o.refundedAmount().movePointRight(2).longValueExact(),
            o.currency(), String.join(",", o.waybills()), String.join(",", o.categories()), o.crossBorder() ? 1 : 0,
            o.parcelCount()};
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static int[] concat(int[] first, int... more) {
        int[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
