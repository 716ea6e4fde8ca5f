package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows read on SQLite as one joined text each: as JDBC reads them column by column, value for value. */
class JoinedRowsIT {

    private static final String[] COLUMNS = {"id", "t", "b", "i", "u"};
    /** Values that look like the joining itself (lengths, colons, the NULL mark), beside the usual awkward ones. */
    private static final List<String> AWKWARD = List.of("", "-", "--", ":", "3:abc", "12:", "0", "-5", "a,b",
            "line\nbreak", "tab\there", "nul\u0000inside", "back\\slash", "从江县 香禾糯「茶」", "😀", "𠀀𠀁", " padded ");

    private static final MigratedDatabases DATABASES = new MigratedDatabases("joined-rows");
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = DATABASES.jdbc(Database.SQLITE);
        jdbc.execute("CREATE TABLE joined (id INTEGER PRIMARY KEY, t TEXT, b BIGINT, i INTEGER, u TEXT)");
        for (int n = 0; n < AWKWARD.size(); n++) {
            jdbc.update("INSERT INTO joined VALUES (?, ?, ?, ?, ?)", n, AWKWARD.get(n),
                    n == 0 ? Long.MIN_VALUE : n == 1 ? Long.MAX_VALUE : (n % 2 == 0 ? 1 : -1) * (3L << 40) + n,
                    n % 2 == 0 ? Integer.MAX_VALUE - n : Integer.MIN_VALUE + n, AWKWARD.get(AWKWARD.size() - 1 - n));
        }
        jdbc.update("INSERT INTO joined VALUES (100, NULL, NULL, NULL, NULL)");
        jdbc.update("INSERT INTO joined VALUES (101, ?, 0, 0, '')", "x".repeat(300_000));
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @Test
    void everyValueComesBackAsJdbcReadsIt() {
        List<String> joined = new ArrayList<>();
        JoinedRows.read(jdbc, "SELECT " + JoinedRows.select(COLUMNS) + " FROM joined ORDER BY id", COLUMNS,
                row -> joined.add(describe(row.getInt("id"), row.getString("t"), row.getLong("b"), row.wasNull(),
                        row.getInt("i"), row.wasNull(), row.getString("u"))));
        List<String> read = jdbc.query("SELECT id, t, b, i, u FROM joined ORDER BY id", (rs, n) -> describe(rs.getInt("id"),
                rs.getString("t"), rs.getLong("b"), rs.wasNull(), rs.getInt("i"), rs.wasNull(), rs.getString("u")));

        assertThat(joined).hasSize(AWKWARD.size() + 2).isEqualTo(read);
        assertThat(joined).contains("100|null|0 null|0 null|null");
        assertThat(joined.get(0)).contains("|" + Long.MIN_VALUE + "|");
        assertThat(joined.get(11)).as("a NUL inside a value").contains("nul\u0000inside");
    }

    /** A mapping asks the columns in any order, and again: each gives its own value. */
    @Test
    void columnsAskedInAnyOrderGiveTheirOwnValues() {
        Random random = new Random(5);
        List<String> mismatches = new ArrayList<>();
        JoinedRows.read(jdbc, "SELECT " + JoinedRows.select(COLUMNS) + " FROM joined WHERE id < 100 ORDER BY id", COLUMNS,
                row -> {
                    int id = row.getInt("id");
                    for (int k = 0; k < 6; k++) {
                        String column = random.nextBoolean() ? "t" : "u";
                        String expected = column.equals("t") ? AWKWARD.get(id) : AWKWARD.get(AWKWARD.size() - 1 - id);
                        if (!expected.equals(row.getString(column))) {
                            mismatches.add(id + ":" + column);
                        }
                    }
                });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void moreColumnsThanOneCallOfConcatTakesAreJoinedAllTheSame() throws Exception {
        String[] labels = new String[95];
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = "c" + i;
            values.append(i == 0 ? "" : ", ").append(i % 7 == 3 ? "NULL" : i % 5 == 0 ? "''" : "'v" + i + "'").append(" AS c")
                    .append(i);
        }
        List<String> read = new ArrayList<>();
        JoinedRows.read(jdbc, "SELECT " + JoinedRows.select(labels) + " FROM (SELECT " + values + ")", labels, row -> {
            for (String label : labels) {
                read.add(String.valueOf(row.getString(label)));
            }
        });
        assertThat(read).hasSize(labels.length);
        for (int i = 0; i < labels.length; i++) {
            assertThat(read.get(i)).as(labels[i]).isEqualTo(i % 7 == 3 ? "null" : i % 5 == 0 ? "" : "v" + i);
        }
    }

    @Test
    void aRowThatDoesNotHoldItsColumnsAsJoinedIsAnErrorNotAValue() {
        for (String bad : List.of("", "5:ab", "2:ab", "x:ab", ":ab", "2:ab3:abc9", "2:ab-1:a-")) {
            assertThatThrownBy(() -> JoinedRows.read(jdbc, "SELECT '" + bad + "'", new String[] {"a", "b"}, row -> {}))
                    .as(bad).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("does not hold its columns as joined");
        }
        assertThatThrownBy(() -> JoinedRows.read(jdbc, "SELECT NULL", new String[] {"a"}, row -> {}))
                .rootCause().hasMessageContaining("a row without its joined columns");
        assertThatThrownBy(() -> JoinedRows.read(jdbc, "SELECT '2:ab'", new String[] {"a"}, row -> row.getLong("a")))
                .rootCause().hasMessageContaining("column a is not a whole number");
        assertThatThrownBy(() -> JoinedRows.read(jdbc, "SELECT '20:99999999999999999999'", new String[] {"a"},
                row -> row.getLong("a"))).rootCause().hasMessageContaining("past a long");
        assertThatThrownBy(() -> JoinedRows.read(jdbc, "SELECT '10:3000000000'", new String[] {"a"}, row -> row.getInt("a")))
                .rootCause().hasMessageContaining("past an int");
        assertThatThrownBy(() -> JoinedRows.read(jdbc, "SELECT '1:1'", new String[] {"a"}, row -> row.getString("b")))
                .rootCause().hasMessageContaining("no column b");
        assertThat("2:ab".getBytes(StandardCharsets.UTF_8)).hasSize(4);
    }

    private static String describe(int id, String t, long b, boolean bNull, int i, boolean iNull, String u) {
        return id + "|" + t + "|" + b + (bNull ? " null" : "") + "|" + i + (iNull ? " null" : "") + "|" + u;
    }
}
