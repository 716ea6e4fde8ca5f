package dev.subsidy.gateway.storage;

import dev.subsidy.gateway.storage.records.ColumnLabels;
import dev.subsidy.gateway.storage.records.KnownTexts;
import dev.subsidy.gateway.storage.records.RowReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * A row whose columns lie in one array of bytes, each at an offset with a length (negative for NULL), read by
 * label: text as UTF-8, whole numbers as the row's format writes them ({@link CopiedRows}, {@link JoinedRows}).
 */
abstract class RowInBytes implements RowReader {

    private final ColumnLabels columns;
    final int[] offsets;
    final int[] lengths;
    private boolean lastNull;

    RowInBytes(String[] labels) {
        columns = new ColumnLabels(labels);
        offsets = new int[labels.length];
        lengths = new int[labels.length];
    }

    /** The bytes the current row's offsets point into. */
    abstract byte[] bytes();

    /** The whole number the {@code length} bytes at {@code at} hold, as the row's format writes one. */
    abstract long number(String label, byte[] bytes, int at, int length) throws SQLException;

    /** Called before each row's columns are found. */
    final void nextRow() {
        columns.nextRow();
    }

    private int column(String label) throws SQLException {
        int i = columns.column(label);
        lastNull = lengths[i] < 0;
        return i;
    }

    @Override
    public final String getString(String label) throws SQLException {
        int i = column(label);
        return lastNull ? null : new String(bytes(), offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    @Override
    public final String getKnownText(String label, KnownTexts known) throws SQLException {
        int i = column(label);
        return lastNull ? null : known.of(bytes(), offsets[i], lengths[i]);
    }

    @Override
    public final long getLong(String label) throws SQLException {
        int i = column(label);
        return lastNull ? 0 : number(label, bytes(), offsets[i], lengths[i]);
    }

    @Override
    public final int getInt(String label) throws SQLException {
        long value = getLong(label);
        if (value != (int) value) {
            throw new SQLException("column " + label + " holds " + value + ", past an int");
        }
        return (int) value;
    }

    @Override
    public final boolean wasNull() {
        return lastNull;
    }
}
