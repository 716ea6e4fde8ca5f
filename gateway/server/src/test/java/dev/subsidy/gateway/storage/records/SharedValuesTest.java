package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A close holds a period's records at once: equal values read from different rows are one object in memory. */
class SharedValuesTest {

    @Test
    void equalInstantsAreOneObjectAndEveryInstantReadsAsStored() throws Exception {
        RecordColumns.SharedValues shared = new RecordColumns.SharedValues();
        long minute = Instant.parse("2026-10-12T02:00:00Z").toEpochMilli();
        // minutes of two weeks, each twice, and every 97th row one millisecond apart from its minute
        String rows = "SELECT NULL AS t UNION ALL SELECT * FROM (WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL "
                + "SELECT i + 1 FROM n WHERE i < 19999) SELECT " + minute + " + (i / 2) * 60000 "
                + "+ CASE WHEN i % 97 = 0 THEN 1 ELSE 0 END FROM n)";
        List<Instant> read = readAll(rows, row -> shared.instant(row, "t"));

        assertThat(read.get(0)).isNull();
        for (int i = 0; i < 20_000; i++) {
            assertThat(read.get(i + 1).toEpochMilli()).isEqualTo(minute + (i / 2) * 60_000L + (i % 97 == 0 ? 1 : 0));
        }
        // the second of each pair is the first's object, unless one of them is the millisecond apart
        long shared2 = 0;
        for (int i = 0; i < 20_000; i += 2) {
            if (read.get(i + 1) == read.get(i + 2)) {
                shared2++;
            }
        }
        assertThat(shared2).isGreaterThan(9_700);
    }

    @Test
    void equalNumbersAreOneObjectAndEveryNumberReadsAsStored() throws Exception {
        RecordColumns.SharedValues shared = new RecordColumns.SharedValues();
        // grams of parcels, each value several times, past the slots' count and negative; then null
        String rows = "SELECT * FROM (WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 29999) "
                + "SELECT (i % 5000) * 7 - 300 AS g FROM n) UNION ALL SELECT NULL";
        List<Integer> read = readAll(rows, row -> shared.integer(row, "g"));

        assertThat(read.get(30_000)).isNull();
        for (int i = 0; i < 30_000; i++) {
            assertThat(read.get(i)).isEqualTo((i % 5000) * 7 - 300);
        }
        long same = 0;
        for (int i = 5_000; i < 30_000; i++) {
            if (read.get(i) == read.get(i - 5_000)) {
                same++;
            }
        }
        // values 4,096 apart share a slot and take turns in it; most repeats are the object read before
        assertThat(same).isGreaterThan(15_000);
    }

    /** Every row of {@code sql} on an in-memory SQLite database, each read as {@code read} reads it. */
    private static <T> List<T> readAll(String sql, Read<T> read) throws SQLException {
        List<T> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            RowReader row = RowReader.of(rs);
            while (rs.next()) {
                out.add(read.value(row));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Read<T> {
        T value(RowReader row) throws SQLException;
    }
}
