package dev.subsidy.gateway.storage.records;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row's columns by name, as {@link RecordColumns} reads a record from them: a JDBC result set's row, or a row
 * of PostgreSQL's binary COPY ({@code storage/CopiedRows}), which a close reads its period through.
 */
public interface RowReader {

    /** What is done with each row of a query read one row at a time; the reader is the row until it returns. */
    @FunctionalInterface
    interface Handler {
        void row(RowReader row) throws SQLException;
    }

    /** The column's text; null for SQL NULL. */
    String getString(String column) throws SQLException;

    /**
     * As {@link #getString}, the one text {@code known} holds for the column's value: found by the bytes where the row
     * holds them as bytes, no string made for a value seen before.
     */
    default String getKnownText(String column, KnownTexts known) throws SQLException {
        return known.of(getString(column));
    }

    /** The column's whole number; 0 for SQL NULL ({@link #wasNull} says which). */
    long getLong(String column) throws SQLException;

    /** As {@link #getLong}, for a column of 32-bit numbers. */
    int getInt(String column) throws SQLException;

    /** Whether the column last read was SQL NULL. */
    boolean wasNull() throws SQLException;

    /** The current row of {@code rs}. */
    static RowReader of(ResultSet rs) {
        return new RowReader() {
            @Override
            public String getString(String column) throws SQLException {
                return rs.getString(column);
            }

            @Override
            public long getLong(String column) throws SQLException {
                return rs.getLong(column);
            }

            @Override
            public int getInt(String column) throws SQLException {
                return rs.getInt(column);
            }

            @Override
            public boolean wasNull() throws SQLException {
                return rs.wasNull();
            }
        };
    }
}
