package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.support.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows read back through COPY's binary format on a real PostgreSQL: as JDBC reads them, value for value. */
class CopiedRowsIT {

    private static final String[] COLUMNS = {"id", "t", "b", "i", "s"};
    private static final List<String> AWKWARD = List.of("", "\"quoted\"", "a,b", "line\nbreak", "tab\there", "\\N",
            "back\\slash", "从江县 香禾糯「茶」", "😀", " padded ");

    private static final int POOL = 2;

    private static com.zaxxer.hikari.HikariDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgres.newDatabaseUrl());
        // two connections: the copy's and the one that ends it; the next queries are lent one of these two
        dataSource.setMaximumPoolSize(POOL);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE copied (id INTEGER PRIMARY KEY, t TEXT, b BIGINT, i INTEGER, s SMALLINT)");
        for (int n = 0; n < AWKWARD.size(); n++) {
            jdbc.update("INSERT INTO copied VALUES (?, ?, ?, ?, ?)", n, AWKWARD.get(n), (n % 2 == 0 ? 1 : -1) * (3L << 40) + n,
                    n % 2 == 0 ? Integer.MAX_VALUE - n : Integer.MIN_VALUE + n, (short) (n % 2 == 0 ? 32767 - n : -32768 + n));
        }
        jdbc.update("INSERT INTO copied VALUES (100, NULL, NULL, NULL, NULL)");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void everyValueComesBackAsJdbcReadsIt() throws SQLException {
        String query = "SELECT id, t, b, i, s FROM copied ORDER BY id";
        List<String> copied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            CopiedRows.read(connection, query, COLUMNS, row -> copied.add(describe(row.getInt("id"), row.getString("t"),
                    row.getLong("b"), row.wasNull(), row.getInt("i"), row.wasNull(), row.getLong("s"), row.wasNull())));
        }
        List<String> read = jdbc.query(query, (rs, n) -> describe(rs.getInt("id"), rs.getString("t"), rs.getLong("b"),
                rs.wasNull(), rs.getInt("i"), rs.wasNull(), rs.getLong("s"), rs.wasNull()));
        assertThat(copied).hasSize(AWKWARD.size() + 1).isEqualTo(read);
        assertThat(copied.get(copied.size() - 1)).isEqualTo("100|null|0 null|0 null|0 null");
    }

    @Test
    void rowsOfEverySizeComeBackWholeWhereverTheReadsCutThem() throws SQLException {
        // texts from empty to four times the reader's 64 KiB buffer, of one and of several bytes a character, so rows
        // end at every place in it, run past its end, and outgrow it; the labels asked in a different order each row
        jdbc.execute("CREATE TABLE sized AS SELECT g AS id, CASE WHEN g % 7 = 0 THEN NULL ELSE repeat(CASE WHEN g % 2 = 0 "
                + "THEN 'x' ELSE '茶' END, (g * 7919) % 90000 + CASE WHEN g % 50 = 0 THEN 200000 ELSE 0 END) END AS t, "
                + "g::bigint * 1000003 AS b FROM generate_series(1, 600) g");
        String query = "SELECT id, t, b FROM sized ORDER BY id";
        List<String> copied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            CopiedRows.read(connection, query, new String[] {"id", "t", "b"}, row -> {
                int id = row.getInt("id");
                if (id % 3 == 0) {
                    long b = row.getLong("b");
                    String t = row.getString("t");
                    copied.add(id + "|" + t + "|" + b);
                } else {
                    String t = row.getString("t");
                    copied.add(id + "|" + t + "|" + row.getLong("b"));
                }
            });
        }
        List<String> read = jdbc.query(query, (rs, n) -> rs.getInt("id") + "|" + rs.getString("t") + "|" + rs.getLong("b"));
        assertThat(copied).hasSize(600);
        assertThat(copied).isEqualTo(read);
    }

    @Test
    void aRowTheHandlerCannotTakeStopsTheCopyAndTheConnectionServesTheNextQuery() throws SQLException {
        List<Integer> seen = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> CopiedRows.read(connection, "SELECT id, t, b, i, s FROM copied ORDER BY id", COLUMNS,
                    row -> {
                        seen.add(row.getInt("id"));
                        if (seen.size() == 3) {
                            throw new IllegalArgumentException("row 3 is not a record");
                        }
                    })).isInstanceOf(IllegalArgumentException.class).hasMessage("row 3 is not a record");
            assertThat(seen).containsExactly(0, 1, 2);
            try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT count(*) FROM copied")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(AWKWARD.size() + 1);
            }
        }
    }

    @Test
    void aConnectionLostMidCopyIsAnErrorAndThePoolNeverLendsItAgain() {
        // far more than the driver's and the socket's buffers: the copy is still streaming when its server process ends
        jdbc.execute("CREATE TABLE many AS SELECT g AS id, repeat('x', 200) AS t FROM generate_series(1, 200000) g");
        List<Integer> seen = new ArrayList<>();
        try {
            assertThatThrownBy(() -> CopiedRows.read(jdbc, "SELECT id, t FROM many ORDER BY id", new String[] {"id", "t"},
                    row -> {
                        seen.add(row.getInt("id"));
                        if (seen.size() == 10) {
                            assertThat(jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                    + "query LIKE 'COPY (SELECT id, t FROM many%'", Boolean.class)).containsExactly(true);
                        }
                    })).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("Database connection failed when reading from copy");
            assertThat(seen).hasSizeGreaterThanOrEqualTo(10).hasSizeLessThan(200_000);
            // every connection the pool lends now works: the lost one was closed, not handed back
            for (int i = 0; i < POOL; i++) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM many", Integer.class)).isEqualTo(200_000);
            }
            assertThat(dataSource.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(POOL);
        } finally {
            jdbc.execute("DROP TABLE many");
        }
    }

    @Test
    void aColumnAskedForThatTheQueryHasNotOrAsTheWrongKindIsAnError() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> CopiedRows.read(connection, "SELECT id, t FROM copied", new String[] {"id", "t"},
                    row -> row.getString("missing"))).isInstanceOf(SQLException.class).hasMessageContaining("no column missing");
            assertThatThrownBy(() -> CopiedRows.read(connection, "SELECT id, t FROM copied WHERE id = 2",
                    new String[] {"id", "t"}, row -> row.getLong("t")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("not a whole number");
            assertThatThrownBy(() -> CopiedRows.read(connection, "SELECT id, t FROM copied", new String[] {"id"},
                    row -> { })).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 fields for 1 columns");
        }
    }

    private static String describe(int id, String text, long big, boolean bigNull, int integer, boolean intNull, long small,
                                   boolean smallNull) {
        return id + "|" + text + "|" + big + (bigNull ? " null" : "") + "|" + integer + (intNull ? " null" : "") + "|" + small
                + (smallNull ? " null" : "");
    }
}
