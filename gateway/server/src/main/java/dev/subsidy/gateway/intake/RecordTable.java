package dev.subsidy.gateway.intake;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How one kind of record is laid out in its current-version table: the store's logic for new,
 * duplicate and newer versions is the same for shipments and orders, only the columns differ.
 */
interface RecordTable<T> {

    String table();

    /** Columns specific to this kind, in the order {@link #bind} sets them. */
    String[] columns();

    /** Sets this kind's columns starting at {@code first}; returns the next free index. */
    int bind(PreparedStatement ps, int first, T record) throws SQLException;

    String naturalKey(T record);

    java.time.Instant updatedAt(T record);

    String canonical(T record);
}
