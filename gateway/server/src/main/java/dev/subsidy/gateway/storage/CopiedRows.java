package dev.subsidy.gateway.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.records.RowReader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
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
public final class CopiedRows extends RowInBytes {

    /** The binary format's signature: "PGCOPY\n\377\r\n\0". */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int BUFFER = 1 << 16;

    private byte[] values = new byte[1024];

    private CopiedRows(String[] labels) {
        super(labels);
    }

    /**
     * As {@link #read(Connection, String, String[], RowReader.Handler)}, on the connection {@code template} gives this thread
     * (its transaction's, if it has one). The copy runs on the driver's connection beneath the pool's proxy, so the
     * pool never sees the copy fail: a connection lost part-way (the server restarted, the network cut) is evicted
     * here, where it used to go back to the pool and fail whoever borrowed it next.
     */
    public static void read(JdbcTemplate template, String query, String[] labels, RowReader.Handler handler) {
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
     * {@code labels} name the query's columns in order. A handler's failure is thrown once the copy has ended; the
     * connection's failure part-way cancels the copy and is thrown.
     */
    public static void read(Connection connection, String query, String[] labels, RowReader.Handler handler) throws SQLException {
        CopiedRows rows = new CopiedRows(labels);
        String sql = "COPY (" + query + ") TO STDOUT (FORMAT binary)";
        try (PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(copy, BUFFER));
            rows.header(in);
            // a handler that stops the read (a close past its budget, a reader whose close stopped) has the rest of the
            // rows read past, not the copy cancelled: a cancel is a request on another socket that may land on the
            // connection's next statement instead, and a close's connection is its transaction's
            Exception stopped = null;
            while (rows.next(in)) {
                if (stopped == null) {
                    try {
                        handler.row(rows);
                    } catch (RuntimeException | SQLException e) {
                        stopped = e;
                    }
                }
            }
            if (in.read() != -1) {
                throw new IllegalStateException("COPY of " + query + " went on after its trailer");
            }
            if (stopped instanceof SQLException e) {
                throw e;
            }
            if (stopped != null) {
                throw (RuntimeException) stopped;
            }
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new UncheckedIOException("COPY of " + query + " failed: " + e.getMessage(), e);
        }
    }

    private void header(DataInputStream in) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IllegalStateException("not PostgreSQL's binary COPY format");
        }
        in.readInt(); // flags: none is set without OIDs
        int extension = in.readInt();
        in.skipNBytes(extension);
    }

    /** Reads the next row's fields; false at the trailer. */
    private boolean next(DataInputStream in) throws IOException {
        nextRow();
        short fields = in.readShort();
        if (fields == -1) {
            return false;
        }
        if (fields != offsets.length) {
            throw new IllegalStateException("a COPY row of " + fields + " fields for " + offsets.length + " columns");
        }
        int at = 0;
        for (int i = 0; i < fields; i++) {
            int length = in.readInt();
            offsets[i] = at;
            lengths[i] = length;
            if (length > 0) {
                if (at + length > values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, at + length));
                }
                in.readFully(values, at, length);
                at += length;
            }
        }
        return true;
    }

    @Override
    byte[] bytes() {
        return values;
    }

    @Override
    long number(String label, byte[] bytes, int at, int length) throws SQLException {
        return switch (length) {
            case 2 -> (short) ((bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff);
            case 4 -> int32(at);
            case 8 -> (long) int32(at) << 32 | int32(at + 4) & 0xffffffffL;
            default -> throw new SQLException("column " + label + " is not a whole number (" + length + " bytes)");
        };
    }

    private int int32(int at) {
        return (values[at] & 0xff) << 24 | (values[at + 1] & 0xff) << 16 | (values[at + 2] & 0xff) << 8
                | values[at + 3] & 0xff;
    }
}
