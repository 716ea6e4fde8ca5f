package dev.subsidy.gateway.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * COPY table (columns) FROM STDIN, streamed on the connection of the current Spring transaction (so
 * the rows commit or roll back with everything else written in it): in binary format ({@link
 * CopyBinary}) when every column is an integer or text, in text format ({@link CopyText}) otherwise.
 *
 * <p>COPY cannot leave a row out, so {@link #insertAbsent} copies optimistically: the whole chunk inside a
 * savepoint, and only when a key was taken does it roll back to it, read which keys the table holds and copy
 * the others. A feed's keys are new far more often than not, and the read it skips is server work on the
 * writer's serial path (measured: within the machine's swing, docs/operations.md "Database"). A transaction
 * takes a bounded number of such savepoints ({@link SavepointBudget}); past them, it reads first.
 */
final class CopyRowWriter implements RowWriter {

    private static final int BUFFER = 1 << 16;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    /** Per table, each column's binary form (null: none here); a table's definition is fixed once migrated. */
    private final Map<String, Map<String, CopyBinary.Kind>> tableKinds = new ConcurrentHashMap<>();
    /**
     * The tables whose last {@link #insertAbsent} met a key they held: the next one reads first, so a feed
     * replaying what is stored pays one read a chunk rather than a COPY thrown away and a read.
     */
    private final Set<String> lastMetAKey = ConcurrentHashMap.newKeySet();

    CopyRowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    @Override
    public void insert(String table, String[] columns, int[] nullTypes, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String sql = null;
        try {
            CopyBinary.Kind[] kinds = kinds(connection, table, columns);
            // the driver speaks UTF-8 to the server (client_encoding UTF8), the rows are encoded the same
            sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT "
                    + (kinds != null ? "binary" : "text") + ")";
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, BUFFER);
            try {
                if (kinds != null) {
                    CopyBinary out = new CopyBinary(copy);
                    out.writeHeader();
                    for (Object[] row : rows) {
                        out.writeRow(row, kinds);
                    }
                    out.writeTrailer();
                } else {
                    Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
                    for (Object[] row : rows) {
                        CopyText.writeRow(out, row);
                    }
                    out.flush();
                }
                copy.endCopy();
            } catch (IOException | SQLException | RuntimeException e) {
                // never end a COPY that was cut short: its rows so far would be kept
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException cancel) {
                        e.addSuppressed(cancel);
                    }
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate(sql, e);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw translate(sql, cause);
            }
            throw new UncheckedIOException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public boolean[] insertAbsent(String table, String key, String[] columns, int[] nullTypes, List<Object[]> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        if (!lastMetAKey.contains(table) && SavepointBudget.take() && copiedWhole(table, columns, nullTypes, rows)) {
            Arrays.fill(inserted, true);
            return inserted;
        }
        int keyColumn = List.of(columns).indexOf(key);
        if (keyColumn < 0) {
            throw new IllegalArgumentException("the key " + key + " is not among the columns of " + table);
        }
        Set<Object> held = heldKeys(table, key, rows, keyColumn);
        List<Object[]> absent = new ArrayList<>(rows.size());
        Set<Object> taken = new HashSet<>(held);
        for (int i = 0; i < inserted.length; i++) {
            // a key twice among the rows goes in once, as ON CONFLICT DO NOTHING would have it
            if (taken.add(rows.get(i)[keyColumn])) {
                inserted[i] = true;
                absent.add(rows.get(i));
            }
        }
        insert(table, columns, nullTypes, absent);
        if (held.isEmpty()) {
            lastMetAKey.remove(table);
        } else {
            lastMetAKey.add(table);
        }
        return inserted;
    }

    /**
     * COPYs every row inside a savepoint: true when they all went in; false, with nothing of them kept and the
     * transaction usable again, when a unique key was taken. Any other failure rolls back to the savepoint and
     * is thrown.
     */
    private boolean copiedWhole(String table, String[] columns, int[] nullTypes, List<Object[]> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                insert(table, columns, nullTypes, rows);
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (DuplicateKeyException e) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                lastMetAKey.add(table);
                return false;
            } catch (RuntimeException e) {
                try {
                    connection.rollback(savepoint);
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException rollback) {
                    // the copy's own failure is what the caller must see; the transaction fails either way
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate("SAVEPOINT", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Which of the rows' keys the table holds: one statement, the keys as one array. */
    private Set<Object> heldKeys(String table, String key, List<Object[]> rows, int keyColumn) {
        Object[] keys = rows.stream().map(r -> r[keyColumn]).toArray();
        String type = keys[0] instanceof Long ? "int8" : keys[0] instanceof Integer ? "int4" : "text";
        Set<Object> held = new HashSet<>();
        jdbc.query("SELECT " + key + " FROM " + table + " WHERE " + key + " = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf(type, keys)),
                rs -> {
                    held.add(rs.getObject(1));
                });
        return held;
    }

    /**
     * The binary form of each column, from the table's definition (once per table): null when one of
     * them has no binary form here, and the rows go as text.
     */
    private CopyBinary.Kind[] kinds(Connection connection, String table, String[] columns) throws SQLException {
        Map<String, CopyBinary.Kind> byColumn = tableKinds.get(table);
        if (byColumn == null) {
            byColumn = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname, t.typname FROM pg_attribute a "
                    + "JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 "
                    + "AND NOT a.attisdropped")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byColumn.put(rs.getString(1), CopyBinary.Kind.of(rs.getString(2)));
                    }
                }
            }
            tableKinds.put(table, byColumn);
        }
        CopyBinary.Kind[] kinds = new CopyBinary.Kind[columns.length];
        for (int i = 0; i < columns.length; i++) {
            kinds[i] = byColumn.get(columns[i].toLowerCase(Locale.ROOT));
            if (kinds[i] == null) {
                return null;
            }
        }
        return kinds;
    }

    private RuntimeException translate(String sql, SQLException e) {
        RuntimeException translated = jdbc.getExceptionTranslator().translate("COPY", sql, e);
        return translated != null ? translated : new IllegalStateException(e);
    }
}
