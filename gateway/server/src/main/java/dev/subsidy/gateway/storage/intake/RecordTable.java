package dev.subsidy.gateway.storage.intake;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * How one kind of record is laid out in its current-version table: the store's logic for new,
 * duplicate and newer versions is the same for shipments and orders, only the columns differ.
 */
abstract class RecordTable<T> {

    private final String table;
    private final String[] columns;
    private final int[] types;

    /**
     * @param columns columns specific to this kind, in the order {@link #values} gives them
     * @param types the {@link java.sql.Types} of {@code columns}, the type a null is bound as
     */
    RecordTable(String table, String[] columns, int[] types) {
        if (columns.length != types.length) {
            throw new IllegalArgumentException(table + ": " + columns.length + " columns, " + types.length + " types");
        }
        this.table = table;
        this.columns = columns;
        this.types = types;
    }

    final String table() {
        return table;
    }

    final String[] columns() {
        return columns;
    }

    final int[] types() {
        return types;
    }

    /** This kind's column values for one record: String, Integer, Long or null. */
    public abstract Object[] values(T record);

    /** Sets this kind's columns starting at {@code first}; returns the next free index. */
    final int bind(PreparedStatement ps, int first, T record) throws SQLException {
        Object[] values = values(record);
        int[] types = types();
        for (int j = 0; j < values.length; j++) {
            if (values[j] == null) {
                ps.setNull(first + j, types[j]);
            } else {
                ps.setObject(first + j, values[j]);
            }
        }
        return first + values.length;
    }

    abstract String naturalKey(T record);

    abstract java.time.Instant updatedAt(T record);

    /**
     * Whether the record belongs to the period from {@code from} (inclusive) to {@code to} (exclusive), epoch
     * milliseconds: as {@code RecordStatusJoin.placedIn} says it in SQL.
     */
    abstract boolean placedIn(T record, long from, long to);

    static boolean within(java.time.Instant instant, long from, long to) {
        return instant != null && instant.toEpochMilli() >= from && instant.toEpochMilli() < to;
    }

    /** Whether the row's columns give back the record's canonical form ({@link #inlineBody}). */
    abstract boolean holdAll(T record);

    /**
     * The body a row keeps for its inline version: empty when the columns give back the canonical form, which
     * is most records and most of a row's bytes (docs/records.md "Provenance"); else the form itself.
     */
    final String inlineBody(T record, Supplier<String> canonical) {
        return holdAll(record) ? "" : canonical.get();
    }

    static Long millis(java.time.Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
