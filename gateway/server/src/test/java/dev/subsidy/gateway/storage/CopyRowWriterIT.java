package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.support.EmbeddedPostgres;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** COPY on a real PostgreSQL: the awkward text comes back as it went in, in the caller's transaction. */
class CopyRowWriterIT {

    private static final String[] COLUMNS = {"id", "t", "b", "i"};
    private static final int[] TYPES = {Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.INTEGER};
    private static final List<String> AWKWARD = List.of("", "\"quoted\"", "a,b", "line\nbreak", "cr\rlf\r\n",
            "back\\slash", "tab\there", "\\N", "\\n", "\\", "从江县 香禾糯「茶」", " padded ", "😀");

    private static com.zaxxer.hikari.HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static RowWriter writer;

    @BeforeAll
    static void database() {
        dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgres.newDatabaseUrl());
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.executeWithoutResult(s -> jdbc.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, t TEXT, b BIGINT, i INTEGER)"));
        assertThat(Dialect.of(dataSource)).isEqualTo(Dialect.POSTGRESQL);
        writer = RowWriter.of(Dialect.POSTGRESQL, jdbc);
        assertThat(writer).isInstanceOf(CopyRowWriter.class);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void textNullsAndNumbersComeBackAsWritten() {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < AWKWARD.size(); n++) {
            rows.add(new Object[] {n, AWKWARD.get(n), (long) n << 40, -n});
        }
        rows.add(new Object[] {1000, null, null, null});
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM t");
            writer.insert("t", COLUMNS, TYPES, rows);
            // the rows are visible to the rest of the same transaction
            assertThat(jdbc.queryForObject("SELECT count(*) FROM t", Integer.class)).isEqualTo(rows.size());
        });
        List<Object[]> back = jdbc.query("SELECT id, t, b, i FROM t ORDER BY id", (rs, k) -> new Object[] {
            rs.getInt(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
            rs.getObject(4) == null ? null : rs.getInt(4)});
        assertThat(back).hasSize(rows.size());
        for (int n = 0; n < rows.size(); n++) {
            assertThat(back.get(n)).as(Arrays.toString(rows.get(n))).containsExactly(rows.get(n));
        }
    }

    @Test
    void aRolledBackTransactionTakesTheCopiedRowsWithIt() {
        tx.executeWithoutResult(s -> jdbc.update("DELETE FROM t"));
        tx.executeWithoutResult(s -> {
            writer.insert("t", COLUMNS, TYPES, List.<Object[]>of(new Object[] {1, "x", 1L, 1}));
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM t", Integer.class)).isZero();
    }

    @Test
    void aFailedCopyIsADataAccessExceptionAndStoresNothing() {
        tx.executeWithoutResult(s -> jdbc.update("DELETE FROM t"));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insert("t", COLUMNS, TYPES,
                List.<Object[]>of(new Object[] {1, "a", 1L, 1}, new Object[] {1, "duplicate key", 1L, 1}))))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM t", Integer.class)).isZero();
    }

    @Test
    void numbersGoInTheirColumnsBinaryFormWhateverTheirJavaType() {
        tx.executeWithoutResult(s -> {
            jdbc.execute("CREATE TABLE IF NOT EXISTS n (s SMALLINT, i INTEGER, b BIGINT, t VARCHAR(20))");
            jdbc.update("DELETE FROM n");
            writer.insert("n", new String[] {"s", "i", "b", "t"}, new int[] {Types.SMALLINT, Types.INTEGER,
                Types.BIGINT, Types.VARCHAR}, List.<Object[]>of(new Object[] {7, 5L, 3, 42L},
                    new Object[] {-32768, (long) Integer.MIN_VALUE, Long.MAX_VALUE, 9}));
        });
        assertThat(jdbc.query("SELECT s, i, b, t FROM n ORDER BY s DESC", (rs, k) -> List.of(rs.getShort(1),
                rs.getInt(2), rs.getLong(3), rs.getString(4)))).containsExactly(
                        List.of((short) 7, 5, 3L, "42"),
                        List.of((short) -32768, Integer.MIN_VALUE, Long.MAX_VALUE, "9"));
    }

    @Test
    void aNumberTooLargeForItsColumnStoresNothing() {
        tx.executeWithoutResult(s -> jdbc.update("DELETE FROM t"));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insert("t", COLUMNS, TYPES,
                List.<Object[]>of(new Object[] {1, "a", 1L, 1}, new Object[] {2, "b", 1L, 1L << 40}))))
                .isInstanceOf(ArithmeticException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM t", Integer.class)).isZero();
    }

    @Test
    void aTableWithAColumnOfAnotherTypeTakesTheTextFormat() {
        tx.executeWithoutResult(s -> {
            jdbc.execute("CREATE TABLE IF NOT EXISTS d (id INTEGER, amount NUMERIC(12, 2), note TEXT)");
            jdbc.update("DELETE FROM d");
            writer.insert("d", new String[] {"id", "amount", "note"}, new int[] {Types.INTEGER, Types.NUMERIC,
                Types.VARCHAR}, List.<Object[]>of(new Object[] {1, "12.50", "tab\there"}, new Object[] {2, null, "\\N"}));
        });
        assertThat(jdbc.query("SELECT id, amount, note FROM d ORDER BY id", (rs, k) -> Arrays.asList(rs.getInt(1),
                rs.getString(2), rs.getString(3)))).containsExactly(Arrays.asList(1, "12.50", "tab\there"),
                        Arrays.asList(2, null, "\\N"));
    }

    @Test
    void insertAbsentCopiesAChunkOfNewKeysWhole() {
        String table = absentTable("fresh");
        tx.executeWithoutResult(s -> assertThat(writer.insertAbsent(table, "id", COLUMNS, TYPES,
                List.<Object[]>of(row(1, "a"), row(2, "b"), row(3, "c")))).containsExactly(true, true, true));
        assertThat(texts(table)).containsExactly("a", "b", "c");
    }

    @Test
    void insertAbsentLeavesTheTakenKeysAsTheyWereAndKeepsWhatTheTransactionWroteBefore() {
        String table = absentTable("taken");
        tx.executeWithoutResult(s -> writer.insert(table, COLUMNS, TYPES, List.<Object[]>of(row(2, "stored"))));
        tx.executeWithoutResult(s -> {
            writer.insert(table, COLUMNS, TYPES, List.<Object[]>of(row(1, "earlier in the transaction")));
            // the optimistic COPY meets key 2, rolls back to its savepoint and copies what is absent
            assertThat(writer.insertAbsent(table, "id", COLUMNS, TYPES, List.<Object[]>of(row(2, "again"), row(3, "new"),
                    row(3, "the same key twice"), row(4, "new too")))).containsExactly(false, true, false, true);
            // having met a key, the next chunks read first until one finds none held; then COPY is tried again
            assertThat(writer.insertAbsent(table, "id", COLUMNS, TYPES, List.<Object[]>of(row(1, "taken now"), row(5, "e"))))
                    .containsExactly(false, true);
            assertThat(writer.insertAbsent(table, "id", COLUMNS, TYPES, List.<Object[]>of(row(6, "f"))))
                    .containsExactly(true);
            assertThat(writer.insertAbsent(table, "id", COLUMNS, TYPES, List.<Object[]>of(row(7, "g"), row(6, "taken"))))
                    .containsExactly(true, false);
        });
        assertThat(texts(table)).containsExactly("earlier in the transaction", "stored", "new", "new too", "e", "f",
                "g");
    }

    @Test
    void aTransactionOfManyChunksStoresEachOnceAfterItsSavepointsRunOut() {
        String table = absentTable("many");
        tx.executeWithoutResult(s -> {
            for (int chunk = 0; chunk < SavepointBudget.PER_TRANSACTION + 8; chunk++) {
                // each chunk one new key and, every third chunk, one taken already
                List<Object[]> rows = new ArrayList<>(List.<Object[]>of(row(100 + chunk, "new")));
                if (chunk % 3 == 2) {
                    rows.add(row(100 + chunk - 1, "taken"));
                }
                boolean[] inserted = writer.insertAbsent(table, "id", COLUMNS, TYPES, rows);
                assertThat(inserted[0]).as("chunk %d", chunk).isTrue();
                if (rows.size() == 2) {
                    assertThat(inserted[1]).as("chunk %d", chunk).isFalse();
                }
            }
        });
        assertThat(texts(table)).hasSize(SavepointBudget.PER_TRANSACTION + 8).containsOnly("new");
    }

    @Test
    void insertAbsentStillFailsOnAnyOtherBrokenConstraintAndStoresNothing() {
        String table = absentTable("other");
        tx.executeWithoutResult(s -> jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT positive CHECK (i >= 0)"));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insertAbsent(table, "id", COLUMNS, TYPES,
                List.<Object[]>of(row(1, "a"), new Object[] {2, "negative", 1L, -1}))))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("positive");
        assertThat(texts(table)).isEmpty();
    }

    @Test
    void aTakenValueOfAnotherUniqueColumnIsNotMistakenForATakenKey() {
        String table = absentTable("unique_text");
        tx.executeWithoutResult(s -> {
            jdbc.execute("CREATE UNIQUE INDEX " + table + "_t ON " + table + " (t)");
            writer.insert(table, COLUMNS, TYPES, List.<Object[]>of(row(1, "stored")));
        });
        // the optimistic COPY fails on the other index, the lookup finds no key taken, and the second COPY
        // fails the same way: the insert fails as insert would, and keeps nothing of the chunk
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insertAbsent(table, "id", COLUMNS, TYPES,
                List.<Object[]>of(row(2, "new"), row(3, "stored")))))
                .isInstanceOf(DataAccessException.class).hasMessageContaining(table + "_t");
        assertThat(texts(table)).containsExactly("stored");
    }

    private static String absentTable(String name) {
        String table = "absent_" + name;
        tx.executeWithoutResult(s -> jdbc.execute("CREATE TABLE " + table
                + " (id INTEGER PRIMARY KEY, t TEXT, b BIGINT, i INTEGER)"));
        return table;
    }

    private static Object[] row(int id, String text) {
        return new Object[] {id, text, (long) id, id};
    }

    private static List<String> texts(String table) {
        return jdbc.queryForList("SELECT t FROM " + table + " ORDER BY id", String.class);
    }
}
