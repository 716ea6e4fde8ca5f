package dev.subsidy.gateway.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * INSERT ... VALUES (?, ...) as JDBC batches: portable, and on SQLite as fast as it gets.
 *
 * <p>On SQLite every bound value is a call into the driver's native code, and binding was a quarter of
 * the intake's writing thread. So a column that holds the same plain value in every row of a batch —
 * null, a batch id, a connector, a status, a count — is written into the statement once as a literal
 * instead of being bound row after row. Only null, whole numbers and text of {@link #PLAIN} become
 * literals; anything else is bound.
 */
final class JdbcBatchRowWriter implements RowWriter {

    /** Text that is safe as an SQL literal between single quotes, quoted as it is. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:-]{0,64}");

    private final JdbcTemplate jdbc;

    JdbcBatchRowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(String table, String[] columns, int[] nullTypes, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch(new Statement(table, columns, rows, ""), nullTypes, rows);
        }
    }

    /**
     * {@code ON CONFLICT (key) DO NOTHING}: a row whose key is taken changes nothing, and the batch's count for it
     * is 0. Only a conflict on that key is passed over (not {@code INSERT OR IGNORE}, which would also drop a row
     * breaking any other constraint).
     */
    @Override
    public boolean[] insertAbsent(String table, String key, String[] columns, int[] nullTypes, List<Object[]> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        int[] counts = batch(new Statement(table, columns, rows, " ON CONFLICT (" + key + ") DO NOTHING"), nullTypes,
                rows);
        for (int i = 0; i < inserted.length; i++) {
            inserted[i] = counts[i] > 0;
        }
        return inserted;
    }

    private int[] batch(Statement statement, int[] nullTypes, List<Object[]> rows) {
        int[] indexes = statement.bound;
        int[][] counts = jdbc.batchUpdate(statement.sql, rows, rows.size(), (ps, row) -> {
            for (int i = 0; i < indexes.length; i++) {
                Object value = row[indexes[i]];
                if (value == null) {
                    ps.setNull(i + 1, nullTypes[indexes[i]]);
                } else {
                    ps.setObject(i + 1, value);
                }
            }
        });
        return counts.length == 0 ? new int[0] : counts[0];
    }

    /** The INSERT for a batch of rows, with the columns it binds. */
    private static final class Statement {
        final String sql;
        final int[] bound;

        Statement(String table, String[] columns, List<Object[]> rows, String suffix) {
            List<String> values = new ArrayList<>();
            List<Integer> bound = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                Object first = rows.get(0)[c];
                boolean same = rows.size() > 1 && sameInEveryRow(rows, c, first);
                String literal = same ? literal(first) : null;
                if (literal != null) {
                    values.add(literal);
                } else {
                    values.add("?");
                    bound.add(c);
                }
            }
            this.bound = bound.stream().mapToInt(Integer::intValue).toArray();
            this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", values) + ")" + suffix;
        }
    }

    private static boolean sameInEveryRow(List<Object[]> rows, int column, Object first) {
        for (Object[] row : rows) {
            if (!Objects.equals(row[column], first)) {
                return false;
            }
        }
        return true;
    }

    /** The value as an SQL literal, or null when it is to be bound. */
    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof String text && PLAIN.matcher(text).matches()) {
            return "'" + text + "'";
        }
        return null;
    }
}
