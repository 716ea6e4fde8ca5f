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
        if (rows.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Integer> bound = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            Object first = rows.get(0)[c];
            boolean same = rows.size() > 1 && sameInEveryRow(rows, c, first);
            names.add(columns[c]);
            String literal = same ? literal(first) : null;
            if (literal != null) {
                values.add(literal);
            } else {
                values.add("?");
                bound.add(c);
            }
        }
        int[] indexes = bound.stream().mapToInt(Integer::intValue).toArray();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", values) + ")";
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            for (int i = 0; i < indexes.length; i++) {
                Object value = row[indexes[i]];
                if (value == null) {
                    ps.setNull(i + 1, nullTypes[indexes[i]]);
                } else {
                    ps.setObject(i + 1, value);
                }
            }
        });
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
