package dev.subsidy.gateway.storage.intake;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How one kind of record is laid out in its current-version table: the store's logic for new,
 * duplicate and newer versions is the same for shipments and orders, only the columns differ.
 */
interface RecordTable<T> {

    String table();

    /** Columns specific to this kind, in the order {@link #values} gives them. */
    String[] columns();

    /** The {@link java.sql.Types} of {@link #columns}, the type a null is bound as. */
    int[] types();

    /** This kind's column values for one record: String, Integer, Long or null. */
    Object[] values(T record);

    /** Sets this kind's columns starting at {@code first}; returns the next free index. */
    default int bind(PreparedStatement ps, int first, T record) throws SQLException {
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

    String naturalKey(T record);

    java.time.Instant updatedAt(T record);

    String canonical(T record);
}
