package dev.subsidy.gateway.storage.records;

import dev.subsidy.model.RecordKind;

/**
 * How a query over a record table reads each record's status (docs/records.md "Verification status"): from
 * {@code record_status}, where a close writes the statuses other than VERIFIED (V19, V20). A record without a row
 * there is VERIFIED when a period closed since V20 holds it ({@code period_close} keeps each one's bounds), else
 * RECEIVED (stored, not verified by a close yet). An intake that stores a record's new current version inside a
 * closed period writes RECEIVED for it.
 */
public final class RecordStatusJoin {

    private RecordStatusJoin() {}

    /**
     * {@code LEFT JOIN record_status st} onto the record table aliased {@code alias}, for its kind; its
     * columns are then read as {@link #status} and {@code st.reasons}.
     */
    public static String join(RecordKind kind, String alias) {
        return " LEFT JOIN record_status st ON st.kind = '" + kind.wireName() + "' AND st.natural_key = " + alias
                + ".natural_key";
    }

    /** The status of the record aliased {@code alias}, given {@link #join}. */
    public static String status(RecordKind kind, String alias) {
        return "COALESCE(st.status, CASE WHEN " + closed(kind, alias) + " THEN 'VERIFIED' ELSE 'RECEIVED' END)";
    }

    /** Whether a period closed since V20 holds the record aliased {@code alias}. */
    public static String closed(RecordKind kind, String alias) {
        return "EXISTS (SELECT 1 FROM period_close pc WHERE pc.starts_at IS NOT NULL AND "
                + placedIn(kind, alias, "pc.starts_at", "pc.ends_at") + ")";
    }

    /**
     * Whether the record aliased {@code alias} belongs to the period from {@code from} (inclusive) to {@code to}
     * (exclusive), both SQL expressions in epoch milliseconds: a shipment collected or delivered in it, an order
     * paid in it. The records a close of the period reads and marks.
     */
    public static String placedIn(RecordKind kind, String alias, String from, String to) {
        return kind == RecordKind.SHIPMENT
                ? "(" + CollectionDay.collectedIn(alias, from, to) + " OR " + deliveredIn(alias, from, to) + ")"
                : "(" + alias + ".paid_at >= " + from + " AND " + alias + ".paid_at < " + to + ")";
    }

    /** As {@link #placedIn(RecordKind, String, String, String)}, for bounds known when the statement is written. */
    public static String placedIn(RecordKind kind, String alias, long from, long to) {
        return kind == RecordKind.SHIPMENT
                ? "(" + CollectionDay.collectedIn(alias, from, to) + " OR " + deliveredIn(alias, Long.toString(from),
                        Long.toString(to)) + ")"
                : placedIn(kind, alias, Long.toString(from), Long.toString(to));
    }

    private static String deliveredIn(String alias, String from, String to) {
        return "(" + alias + ".delivered_at >= " + from + " AND " + alias + ".delivered_at < " + to + ")";
    }
}
