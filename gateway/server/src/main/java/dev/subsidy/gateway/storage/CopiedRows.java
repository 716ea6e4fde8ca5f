package dev.subsidy.gateway.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.records.RowReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The rows of a query read through PostgreSQL's {@code COPY (query) TO STDOUT} in its binary format, one at a time,
 * each seen through {@link RowReader}. The server streams the rows while they are read, where a cursor fetches a
 * batch, waits for the gateway to map it and only then makes the next one: reading a close's period through a cursor
 * left the reading thread idle for close to half of it (docs/operations.md "Database"). Numbers come as their bytes,
 * not as digits to parse. The query takes no parameters: a caller writes its values (numbers only) into it.
 *
 * <p>Every column must be text or a whole number ({@code smallint}, {@code integer}, {@code bigint}): the format
 * carries no types, so a column is read as the caller asks for it (a text of 2, 4 or 8 bytes asked for as a number
 * would read as one; {@code RecordColumns} asks each column as its migration made it).
 */
public final class CopiedRows implements RowReader {

    /** The binary format's signature: "PGCOPY\n\377\r\n\0". */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int BUFFER = 1 << 16;

    /** What is done with each row; the reader is the row until the handler returns. */
    @FunctionalInterface
    public interface RowHandler {
        void row(RowReader row) throws SQLException;
    }

    private final Map<String, Integer> columns = new HashMap<>();
    private final int[] offsets;
    private final int[] lengths;
    private boolean lastNull;

    /**
     * The bytes read and not yet handed on: the current row starts at {@link #row}, {@link #rowLength} long once
     * read; what follows it up to {@link #limit} is the next rows'. A row's fields are read where they lie, the
     * buffer moving its row to the front (or growing) only when the row runs past its end: a {@code DataInputStream}
     * over a buffered stream took a lock for every byte of every length (four per field), which with the copies into
     * a row's own array was a third of a close's reading (docs/operations.md "Database").
     */
    private byte[] buffer = new byte[BUFFER];
    private int row;
    private int rowLength;
    private int limit;

    /**
     * The labels the handler asked for in the last row, in the order it asked, with their columns: a mapping asks
     * the same labels in the same order row after row, so each is found by its place in that order, compared by
     * identity (the mappings' constants), where a map looked each one up by its hash 25 times a row.
     */
    private String[] asked = new String[32];
    private int[] askedColumns = new int[32];
    private int asks;

    private CopiedRows(String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            columns.put(labels[i], i);
        }
        offsets = new int[labels.length];
        lengths = new int[labels.length];
    }

    /**
     * As {@link #read(Connection, String, String[], RowHandler)}, on the connection {@code template} gives this thread
     * (its transaction's, if it has one). The copy runs on the driver's connection beneath the pool's proxy, so the
     * pool never sees the copy fail: a connection lost part-way (the server restarted, the network cut) is evicted
     * here, where it used to go back to the pool and fail whoever borrowed it next.
     */
    public static void read(JdbcTemplate template, String query, String[] labels, RowHandler handler) {
        DataSource pool = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(pool);
        try {
            read(connection, query, labels, handler);
        } catch (SQLException e) {
            evictIfLost(pool, connection);
            throw template.getExceptionTranslator().translate("COPY", query, e);
        } catch (UncheckedIOException e) {
            evictIfLost(pool, connection);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, pool);
        }
    }

    /**
     * Asking whether the connection is valid makes the driver find it lost (a copy cut short leaves the driver
     * unaware); the pool is then told to close it rather than lend it.
     */
    private static void evictIfLost(DataSource pool, Connection connection) {
        try {
            if (connection.isValid(1) || !pool.isWrapperFor(HikariDataSource.class)) {
                return;
            }
            pool.unwrap(HikariDataSource.class).evictConnection(connection);
        } catch (SQLException e) {
            // isValid and unwrap do not throw for a pool that answered isWrapperFor; nothing more can be done
        }
    }

    /**
     * Runs {@code query} on {@code connection} (its transaction, if it has one) and hands each row to {@code handler};
     * {@code labels} name the query's columns in order. A failure part-way cancels the copy and is thrown.
     */
    public static void read(Connection connection, String query, String[] labels, RowHandler handler) throws SQLException {
        CopiedRows rows = new CopiedRows(labels);
        String sql = "COPY (" + query + ") TO STDOUT (FORMAT binary)";
        try (PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql)) {
            rows.header(copy);
            while (rows.next(copy)) {
                handler.row(rows);
            }
            if (rows.limit > rows.row + rows.rowLength || copy.read() != -1) {
                throw new IllegalStateException("COPY of " + query + " went on after its trailer");
            }
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new UncheckedIOException("COPY of " + query + " failed: " + e.getMessage(), e);
        }
    }

    private void header(InputStream in) throws IOException {
        need(in, SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, row, row + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IllegalStateException("not PostgreSQL's binary COPY format");
        }
        // flags (none is set without OIDs), then the length of a header extension to skip
        int extension = int32(row + SIGNATURE.length + 4);
        if (extension < 0) {
            throw new IllegalStateException("a COPY header extension of " + extension + " bytes");
        }
        need(in, SIGNATURE.length + 8 + extension);
        rowLength = SIGNATURE.length + 8 + extension;
    }

    /** Reads the next row's fields, after the row before; false at the trailer. */
    private boolean next(InputStream in) throws IOException {
        row += rowLength;
        rowLength = 0;
        asks = 0;
        need(in, 2);
        short fields = (short) int16(row);
        if (fields == -1) {
            rowLength = 2;
            return false;
        }
        if (fields != offsets.length) {
            throw new IllegalStateException("a COPY row of " + fields + " fields for " + offsets.length + " columns");
        }
        int at = 2;
        for (int i = 0; i < fields; i++) {
            need(in, at + 4);
            int length = int32(row + at);
            at += 4;
            offsets[i] = at;
            lengths[i] = length;
            if (length > 0) {
                need(in, at + length);
                at += length;
            }
        }
        rowLength = at;
        return true;
    }

    /**
     * Makes the current row's first {@code bytes} readable in {@link #buffer}: reads on, moving the row to the front
     * first (or into a larger buffer, for a row larger than this one) when it would run past the end. Offsets within
     * the row stay as they were.
     */
    private void need(InputStream in, int bytes) throws IOException {
        while (limit - row < bytes) {
            if (row + bytes > buffer.length) {
                byte[] into = bytes > buffer.length ? new byte[Math.max(buffer.length * 2, bytes)] : buffer;
                System.arraycopy(buffer, row, into, 0, limit - row);
                buffer = into;
                limit -= row;
                row = 0;
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("COPY ended inside a row");
            }
            limit += read;
        }
    }

    private int column(String label) throws SQLException {
        int i;
        if (asks < asked.length && asked[asks] == label) {
            i = askedColumns[asks];
        } else {
            Integer found = columns.get(label);
            if (found == null) {
                throw new SQLException("no column " + label + " among " + columns.keySet());
            }
            i = found;
            if (asks == asked.length) {
                asked = Arrays.copyOf(asked, asks * 2);
                askedColumns = Arrays.copyOf(askedColumns, asks * 2);
            }
            asked[asks] = label;
            askedColumns[asks] = i;
        }
        asks++;
        lastNull = lengths[i] < 0;
        return i;
    }

    @Override
    public String getString(String label) throws SQLException {
        int i = column(label);
        return lastNull ? null : new String(buffer, row + offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    @Override
    public long getLong(String label) throws SQLException {
        int i = column(label);
        if (lastNull) {
            return 0;
        }
        int at = row + offsets[i];
        return switch (lengths[i]) {
            case 2 -> (short) int16(at);
            case 4 -> int32(at);
            case 8 -> (long) int32(at) << 32 | int32(at + 4) & 0xffffffffL;
            default -> throw new SQLException("column " + label + " is not a whole number (" + lengths[i] + " bytes)");
        };
    }

    @Override
    public int getInt(String label) throws SQLException {
        long value = getLong(label);
        if (value != (int) value) {
            throw new SQLException("column " + label + " holds " + value + ", past an int");
        }
        return (int) value;
    }

    @Override
    public boolean wasNull() {
        return lastNull;
    }

    private int int32(int at) {
        return (buffer[at] & 0xff) << 24 | (buffer[at + 1] & 0xff) << 16 | (buffer[at + 2] & 0xff) << 8
                | buffer[at + 3] & 0xff;
    }

    private int int16(int at) {
        return (buffer[at] & 0xff) << 8 | buffer[at + 1] & 0xff;
    }
}
