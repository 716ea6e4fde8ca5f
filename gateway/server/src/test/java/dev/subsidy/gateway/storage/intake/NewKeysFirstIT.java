package dev.subsidy.gateway.storage.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.SqliteDataSources;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.intake.IntakeStore.Counts;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On SQLite the intake inserts a chunk's new keys first and reads only the keys the table already had
 * ({@code KindWriter}). Whatever mix a chunk holds — new keys, duplicates, new versions, older versions, a key
 * twice in one chunk with the same or another content — the rows, versions, payloads and counts it leaves are
 * those of reading every key first, which is what PostgreSQL still does.
 */
class NewKeysFirstIT {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

    @TempDir
    Path folder;

    @Test
    void insertingNewKeysFirstStoresExactlyWhatReadingEveryKeyFirstStores() {
        Stored newKeysFirst = store(folder.resolve("first.db"), true);
        Stored readFirst = store(folder.resolve("read.db"), false);

        assertThat(newKeysFirst.absentInserts).isPositive();
        assertThat(readFirst.absentInserts).isZero();
        assertThat(newKeysFirst.counts).isEqualTo(readFirst.counts)
                .containsExactly(new Counts(3, 0), new Counts(7, 2), new Counts(1, 1));
        assertThat(newKeysFirst.tables).isEqualTo(readFirst.tables);
        // the scenario reaches every path: inline single versions, histories and their payloads
        assertThat(newKeysFirst.tables.get(0)).hasSize(8);
        assertThat(newKeysFirst.tables.get(1)).hasSize(6);
        assertThat(newKeysFirst.tables.get(2)).isNotEmpty();
    }

    private record Stored(List<Counts> counts, List<List<String>> tables, int absentInserts) {}

    private Stored store(Path file, boolean newKeysFirst) {
        try (HikariDataSource pool = SqliteDataSources.create(file)) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            RowWriter sqlite = RowWriter.of(Dialect.SQLITE, jdbc);
            AtomicInteger absentInserts = new AtomicInteger();
            RowWriter rows = newKeysFirst ? new RowWriter() {
                @Override
                public void insert(String table, String[] columns, int[] nullTypes, List<Object[]> rows) {
                    sqlite.insert(table, columns, nullTypes, rows);
                }

                @Override
                public boolean insertsAbsent() {
                    return true;
                }

                @Override
                public boolean[] insertAbsent(String table, String key, String[] columns, int[] nullTypes,
                                              List<Object[]> rows) {
                    absentInserts.incrementAndGet();
                    return sqlite.insertAbsent(table, key, columns, nullTypes, rows);
                }
            } : sqlite::insert;
            JdbcIntakeStore store = new JdbcIntakeStore(jdbc, rows,
                    new TransactionTemplate(new DataSourceTransactionManager(pool)), new WriteLock(jdbc, Dialect.SQLITE));

            List<Counts> counts = new ArrayList<>();
            counts.add(chunk(store, "b1", parcel("A", 0, "x"), parcel("B", 0, "x"), parcel("C", 5, "x")));
            counts.add(chunk(store, "b2",
                    parcel("A", 0, "x"), // the same again: a duplicate
                    parcel("B", 1, "y"), // a later version of a stored key
                    parcel("C", 1, "z"), // an older version of a stored key: history only
                    parcel("D", 0, "x"), parcel("D", 0, "x"), // new, and the same again in the chunk
                    parcel("E", 0, "x"), parcel("E", 2, "y"), // new, in two versions in one chunk
                    parcel("F", 0, "x"), parcel("G", 0, "x")));
            counts.add(chunk(store, "b3", parcel("D", 0, "x"), parcel("H", 0, "x")));

            List<List<String>> tables = List.of(
                    dump(jdbc, "SELECT * FROM shipment ORDER BY natural_key"),
                    dump(jdbc, "SELECT * FROM record_version ORDER BY kind, natural_key, version"),
                    dump(jdbc, "SELECT * FROM raw_payload ORDER BY raw_hash"));
            return new Stored(counts, tables, absentInserts.get());
        }
    }

    @SafeVarargs
    private static Counts chunk(JdbcIntakeStore store, String batch, Arrival<Shipment>... arrivals) {
        return store.inWriteTransaction(() -> store.storeArrivedShipments(List.of(arrivals), "standard", batch,
                T0.plusSeconds(3600)));
    }

    /** A parcel of waybill {@code w}, updated {@code minutes} after T0, its destination site {@code site}. */
    private static Arrival<Shipment> parcel(String w, int minutes, String site) {
        Instant updated = T0.plusSeconds(60L * minutes);
        Shipment s = new Shipment(Carrier.ZTO, "7530000" + w, T0, "522633", "从江县城", "440106", null, null, null, site,
                null, null, null, null, updated, null, null, null);
        return Arrival.of(s, "{\"waybillNo\":\"7530000" + w + "\",\"site\":\"" + site + "\",\"m\":" + minutes + "}");
    }

    private static List<String> dump(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.append(rs.getMetaData().getColumnName(c)).append('=').append(rs.getString(c)).append(' ');
            }
            return row.toString();
        });
    }
}
