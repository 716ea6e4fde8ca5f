package dev.subsidy.gateway.storage;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's columns that hold one value in every row go into the statement as literals: the rows stored are the
 * same as if every value had been bound, value for value and type for type, whatever the text holds.
 */
class JdbcBatchRowWriterTest {

    private static final String[] COLUMNS = {"id", "batch", "status", "count", "note", "size", "gone"};
    private static final int[] TYPES = {VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, BIGINT, VARCHAR};

    @TempDir
    Path home;

    private HikariDataSource pool;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        pool = SqliteDataSources.create(home.resolve("rows.db"));
        jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE item (id VARCHAR(20) PRIMARY KEY, batch VARCHAR(40), status VARCHAR(12), "
                + "count INTEGER, note TEXT, size BIGINT, gone TEXT)");
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void valuesSharedByEveryRowAreStoredAsIfBound() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // batch, status, count, size and gone are the same in every row; note is the same but not plain text
            rows.add(new Object[] {"k" + i, "in-2f1c9a", "RECEIVED", 1, "O'Brien'); DROP TABLE item; --", 7L << 40,
                null});
        }
        new JdbcBatchRowWriter(jdbc).insert("item", COLUMNS, TYPES, rows);

        assertThat(jdbc.query("SELECT id, batch, status, count, note, size, gone, typeof(count), typeof(size), "
                + "typeof(batch), typeof(gone) FROM item ORDER BY id", (rs, n) -> tuple(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11))))
                .containsExactly(
                        tuple("k0", "in-2f1c9a", "RECEIVED", 1, "O'Brien'); DROP TABLE item; --", 7L << 40, null,
                                "integer", "integer", "text", "null"),
                        tuple("k1", "in-2f1c9a", "RECEIVED", 1, "O'Brien'); DROP TABLE item; --", 7L << 40, null,
                                "integer", "integer", "text", "null"),
                        tuple("k2", "in-2f1c9a", "RECEIVED", 1, "O'Brien'); DROP TABLE item; --", 7L << 40, null,
                                "integer", "integer", "text", "null"));
    }

    @Test
    void valuesThatDifferOrAreAloneAreBound() {
        new JdbcBatchRowWriter(jdbc).insert("item", COLUMNS, TYPES, List.of(
                new Object[] {"a", "b1", "RECEIVED", 1, null, 5L, null},
                new Object[] {"b", "b2", "RECEIVED", null, "x", 5L, null}));
        new JdbcBatchRowWriter(jdbc).insert("item", COLUMNS, TYPES, List.<Object[]>of(
                new Object[] {"c", "b3", "VERIFIED", 2, "alone", 6L, "kept"}));

        assertThat(jdbc.query("SELECT id, batch, count, note, gone FROM item ORDER BY id", (rs, n) -> tuple(
                rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5))))
                .containsExactly(tuple("a", "b1", 1, null, null), tuple("b", "b2", null, "x", null),
                        tuple("c", "b3", 2, "alone", "kept"));
    }

    @Test
    void onlyWholeNumbersAndPlainTextBecomeLiterals() {
        assertThat(JdbcBatchRowWriter.literal(null)).isEqualTo("NULL");
        assertThat(JdbcBatchRowWriter.literal(42L)).isEqualTo("42");
        assertThat(JdbcBatchRowWriter.literal("in-7930f19e-cf8c")).isEqualTo("'in-7930f19e-cf8c'");
        assertThat(JdbcBatchRowWriter.literal("it's")).isNull();
        assertThat(JdbcBatchRowWriter.literal("two words")).isNull();
        assertThat(JdbcBatchRowWriter.literal("从江")).isNull();
        assertThat(JdbcBatchRowWriter.literal(new java.math.BigDecimal("1.5"))).isNull();
        assertThat(JdbcBatchRowWriter.literal(1.5d)).isNull();
        assertThat(JdbcBatchRowWriter.literal(true)).isNull();
    }

    @Test
    void rowsWhoseKeyIsTakenAreLeftOutAndSaidSo() {
        JdbcBatchRowWriter writer = new JdbcBatchRowWriter(jdbc);
        writer.insert("item", COLUMNS, TYPES, List.<Object[]>of(new Object[] {"k1", "old", "VERIFIED", 1, null, 1L, null}));

        boolean[] inserted = writer.insertAbsent("item", "id", COLUMNS, TYPES, List.of(
                new Object[] {"k0", "new", "RECEIVED", 1, null, 2L, null},
                new Object[] {"k1", "new", "RECEIVED", 1, null, 2L, null},
                new Object[] {"k2", "new", "RECEIVED", 1, null, 2L, null}));

        assertThat(inserted).containsExactly(true, false, true);
        assertThat(jdbc.query("SELECT id, batch, status FROM item ORDER BY id", (rs, n) -> tuple(rs.getString(1),
                rs.getString(2), rs.getString(3))))
                .containsExactly(tuple("k0", "new", "RECEIVED"), tuple("k1", "old", "VERIFIED"), tuple("k2", "new", "RECEIVED"));
    }

    @Test
    void aRowBreakingAnotherConstraintStillFailsTheInsert() {
        jdbc.execute("CREATE TABLE strict_item (id VARCHAR(20) PRIMARY KEY, status VARCHAR(12) NOT NULL)");
        JdbcBatchRowWriter writer = new JdbcBatchRowWriter(jdbc);

        assertThatThrownBy(() -> writer.insertAbsent("strict_item", "id", new String[] {"id", "status"},
                new int[] {VARCHAR, VARCHAR}, List.of(new Object[] {"k0", "RECEIVED"}, new Object[] {"k1", null})))
                .isInstanceOf(org.springframework.dao.DataAccessException.class)
                .hasMessageContaining("NOT NULL");
    }
}
