package dev.subsidy.gateway.fuzz;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The declared widths of the gateway's text columns, read from its own migrations (applied to a
 * private in-memory SQLite database): SQLite stores any text in a VARCHAR(n), PostgreSQL refuses a
 * longer one with an error, so a fuzz test checks what would be stored against these widths to find
 * on SQLite what would fail on PostgreSQL.
 */
public final class ColumnLimits {

    private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private final JdbcTemplate jdbc;
    private final Map<String, Map<String, Integer>> widths = new HashMap<>();

    private ColumnLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A migrated in-memory database, kept open for the JVM. */
    public static ColumnLimits migrated() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new ColumnLimits(new JdbcTemplate(dataSource));
    }

    /** The database, for a test that stores into it. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The width of a VARCHAR column; empty for other types. */
    public synchronized Optional<Integer> width(String table, String column) {
        Map<String, Integer> columns = widths.computeIfAbsent(table, t -> {
            Map<String, Integer> found = new HashMap<>();
            for (Map<String, Object> c : jdbc.queryForList("PRAGMA table_info(" + t + ")")) {
                Matcher m = VARCHAR.matcher(String.valueOf(c.get("type")));
                if (m.matches()) {
                    found.put(String.valueOf(c.get("name")), Integer.parseInt(m.group(1)));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no table " + t + " with text columns in the migrations");
            }
            return found;
        });
        return Optional.ofNullable(columns.get(column));
    }

    /** Fails when {@code value} would not fit the column on PostgreSQL. */
    public void requireFits(String table, String column, String value) {
        if (value == null) {
            return;
        }
        width(table, column).ifPresent(w -> {
            if (value.length() > w) {
                throw new AssertionError(table + "." + column + " would hold " + value.length()
                        + " characters, more than the VARCHAR(" + w + ") PostgreSQL takes: '" + value + "'");
            }
        });
    }

    /** Fails when a stored table holds a text longer than its column's width. */
    public void requireStoredFit(String table) {
        width(table, "");
        for (Map.Entry<String, Integer> c : widths.get(table).entrySet()) {
            Integer longest = jdbc.queryForObject("SELECT max(length(" + c.getKey() + ")) FROM " + table, Integer.class);
            if (longest != null && longest > c.getValue()) {
                throw new AssertionError(table + "." + c.getKey() + " holds " + longest
                        + " characters, more than the VARCHAR(" + c.getValue() + ") PostgreSQL takes");
            }
        }
    }
}
