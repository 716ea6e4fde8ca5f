package dev.subsidy.gateway.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.PreparedStatementSetter;

/** Small JDBC helpers for the portable column types of the schema. */
public final class Sql {

    private Sql() {}

    public static void setMillis(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    public static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    public static Instant millis(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** "?, ?, ?" for an IN list of the given size. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Keys per IN list on SQLite: well under its limit of host parameters in one statement. */
    private static final int KEYS_PER_LIST = 500;

    /**
     * Runs a statement that ends in a key column over every one of {@code keys}: on PostgreSQL once, the keys as
     * one array ({@code = ANY(?)}: one statement, planned once); on SQLite once per {@link #KEYS_PER_LIST} keys, as
     * an IN list. {@code leading} are the statement's text arguments before the keys; {@code run} executes each
     * statement with its arguments (a query or an update).
     */
    public static void overKeys(Dialect dialect, String statement, List<String> leading, List<String> keys,
                                BiConsumer<String, PreparedStatementSetter> run) {
        if (keys.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            run.accept(statement + " = ANY(?)", ps -> {
                int i = bind(ps, leading);
                ps.setArray(i, ps.getConnection().createArrayOf("text", keys.toArray()));
            });
            return;
        }
        for (List<String> slice : slices(keys, KEYS_PER_LIST)) {
            run.accept(statement + " IN (" + placeholders(slice.size()) + ")", ps -> bind(ps, slice, bind(ps, leading)));
        }
    }

    private static int bind(PreparedStatement ps, List<String> values) throws SQLException {
        return bind(ps, values, 1);
    }

    private static int bind(PreparedStatement ps, List<String> values, int from) throws SQLException {
        int i = from;
        for (String value : values) {
            ps.setString(i++, value);
        }
        return i;
    }

    /** Splits a list into slices small enough for one IN list on every database. */
    public static <T> List<List<T>> slices(List<T> items, int size) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            out.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return out;
    }
}
