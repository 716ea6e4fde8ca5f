package dev.subsidy.gateway.storage.records;

import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RefundStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard record as its columns in {@code shipment} or {@code sales_order} hold it: read back for a
 * close, and rebuilt into its canonical form where the row keeps none (docs/records.md "Provenance").
 * The columns hold whole milliseconds, amounts in fen and lists joined by commas; a record they cannot
 * hold exactly ({@link #holdAll(Shipment)}) keeps its canonical form in the row's body.
 */
public final class RecordColumns {

    /** The content columns of a shipment, with its {@code updated_at}. */
    public static final String SHIPMENT = "carrier, waybill_no, collected_at, origin_region, origin_site, "
            + "dest_region, dest_country, delivered_at, delivered_region, delivery_site, order_ref, shipper_id, "
            + "weight_grams, trace_events, updated_at, scans, payment_method, receiver_hash";
    /** The content columns of an order, with its {@code updated_at}. */
    public static final String ORDER = "platform, order_id, shop_id, merchant_id, channel, order_status, "
            + "paid_at, amount_fen, refunded_fen, currency, fx_rate, waybills, categories, cross_border, dest_region, "
            + "dest_country, buyer_hash, updated_at, payment_method, refund_status, receiver_hash, parcel_count";

    private static final long NANOS_PER_MILLI = 1_000_000;

    private RecordColumns() {}

    /** The content columns of a kind's table, to select for {@link #canonicalForm}. */
    public static String of(RecordKind kind) {
        return kind == RecordKind.SHIPMENT ? SHIPMENT : ORDER;
    }

    /**
     * The canonical form of the version inline in the row {@code rs} is on (its {@code body} not null): the
     * body, or when that is empty, the form rebuilt from the row's content columns ({@link #of}). One
     * {@code shared} for all the rows a query reads: a feed of revisions promotes many rows at once.
     */
    public static String canonicalForm(RecordKind kind, ResultSet rs, SharedValues shared) throws SQLException {
        String body = rs.getString("body");
        if (!body.isEmpty()) {
            return body;
        }
        RowReader row = RowReader.of(rs);
        return kind == RecordKind.SHIPMENT ? CanonicalForm.of(shipment(row, shared))
                : CanonicalForm.of(order(row, shared));
    }

    public static Shipment shipment(RowReader rs, SharedValues shared) throws SQLException {
        return new Shipment(Carrier.valueOf(shared.text(rs, "carrier")), rs.getString("waybill_no"),
                shared.instant(rs, "collected_at"), shared.text(rs, "origin_region"), shared.text(rs, "origin_site"),
                shared.text(rs, "dest_region"), shared.text(rs, "dest_country"), shared.instant(rs, "delivered_at"),
                shared.text(rs, "delivered_region"), shared.text(rs, "delivery_site"), rs.getString("order_ref"),
                shared.text(rs, "shipper_id"), shared.integer(rs, "weight_grams"), shared.integer(rs, "trace_events"),
                shared.instant(rs, "updated_at"), CanonicalForm.readScans(rs.getString("scans")),
                named(PaymentMethod.class, shared.text(rs, "payment_method")), rs.getString("receiver_hash"));
    }

    public static SalesOrder order(RowReader rs, SharedValues shared) throws SQLException {
        String rate = rs.getString("fx_rate");
        return new SalesOrder(Platform.valueOf(shared.text(rs, "platform")), rs.getString("order_id"),
                shared.text(rs, "shop_id"), shared.text(rs, "merchant_id"), Channel.valueOf(shared.text(rs, "channel")),
                OrderStatus.valueOf(shared.text(rs, "order_status")), shared.instant(rs, "paid_at"),
                BigDecimal.valueOf(rs.getLong("amount_fen"), 2), BigDecimal.valueOf(rs.getLong("refunded_fen"), 2),
                shared.text(rs, "currency"), rate == null ? null : new BigDecimal(rate), list(rs, "waybills"),
                shared.list(rs, "categories"), rs.getInt("cross_border") == 1, shared.text(rs, "dest_region"),
                shared.text(rs, "dest_country"), rs.getString("buyer_hash"), shared.instant(rs, "updated_at"),
                named(PaymentMethod.class, shared.text(rs, "payment_method")),
                named(RefundStatus.class, shared.text(rs, "refund_status")), rs.getString("receiver_hash"),
                shared.integer(rs, "parcel_count"));
    }

    /**
     * Whether {@link #shipment} gives back a shipment of the same canonical form: its times are whole
     * milliseconds (scans are kept as their JSON, whole).
     */
    public static boolean holdAll(Shipment s) {
        return wholeMillis(s.collectedAt()) && wholeMillis(s.deliveredAt());
    }

    /**
     * Whether {@link #order} gives back an order of the same canonical form: its payment time is whole
     * milliseconds, its amounts have two decimals exactly (fen, written back with two), its rate reads back
     * from its plain text with the same scale, and its lists survive joining by commas.
     */
    public static boolean holdAll(SalesOrder o) {
        return wholeMillis(o.paidAt()) && o.amount().scale() == 2 && o.refundedAmount().scale() == 2
                && (o.fxRate() == null || o.fxRate().scale() >= 0) && joinable(o.waybills())
                && joinable(o.categories());
    }

    private static boolean wholeMillis(Instant instant) {
        return instant == null || instant.getNano() % NANOS_PER_MILLI == 0;
    }

    /** Items none empty and none with a comma: what splitting the joined text gives back. */
    private static boolean joinable(List<String> items) {
        if (items == null) {
            return true;
        }
        for (String item : items) {
            if (item == null || item.isEmpty() || item.indexOf(',') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static List<String> list(RowReader rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    /**
     * A close holds every record of its period at once: the many values records share (a site, a region, a
     * shop, a connector list) are kept once per query rather than once per row, which is most of what a
     * record costs in memory, and found by the row's bytes ({@link KnownTexts}). Bounded, so a column of mostly
     * distinct values stops being remembered.
     */
    public static final class SharedValues {
        private static final int MOST = 200_000;
        private final KnownTexts texts = new KnownTexts();
        private final Map<String, List<String>> lists = new HashMap<>();
        /**
         * The last instant seen in each of a few thousand slots, by its millisecond: a body's records share the
         * arrival that stands in for a missing updatedAt, and scanners stamp many parcels in the same minute. An
         * Instant is 24 bytes, two or three per record.
         */
        private final Instant[] instants = new Instant[4096];
        /** The last number seen in each slot, by its low bits: grams and counts repeat; an Integer is 16 bytes. */
        private final Integer[] integers = new Integer[4096];

        public String text(RowReader rs, String column) throws SQLException {
            return rs.getKnownText(column, texts);
        }

        public Instant instant(RowReader rs, String column) throws SQLException {
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

        public Integer integer(RowReader rs, String column) throws SQLException {
            int value = rs.getInt(column);
            if (rs.wasNull()) {
                return null;
            }
            int slot = value & (integers.length - 1);
            Integer known = integers[slot];
            if (known == null || known != value) {
                known = value;
                integers[slot] = known;
            }
            return known;
        }

        public List<String> list(RowReader rs, String column) throws SQLException {
            String value = rs.getKnownText(column, texts);
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
}
