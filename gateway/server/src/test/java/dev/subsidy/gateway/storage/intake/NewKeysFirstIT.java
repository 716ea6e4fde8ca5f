package dev.subsidy.gateway.storage.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.records.RawSegments;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.intake.IntakeStore.Counts;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake inserts a chunk's new keys first and reads only the keys the table already had ({@code
 * KindWriter}): SQLite says which rows went in, PostgreSQL copies optimistically and reads only when a key was
 * taken. Whatever mix a chunk holds — new keys, duplicates, new versions, older versions, a key twice in one
 * chunk with the same or another content, a chunk of new keys after one that met stored keys — the rows,
 * versions, payloads and counts it leaves are those of reading every key first.
 */
class NewKeysFirstIT {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final MigratedDatabases NEW_KEYS_FIRST = new MigratedDatabases("new-keys-first");
    private static final MigratedDatabases READ_FIRST = new MigratedDatabases("read-first");

    @AfterAll
    static void closeDatabases() {
        NEW_KEYS_FIRST.close();
        READ_FIRST.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void insertingNewKeysFirstStoresExactlyWhatReadingEveryKeyFirstStores(Database db) {
        Stored newKeysFirst = store(NEW_KEYS_FIRST.jdbc(db), db, true);
        Stored readFirst = store(READ_FIRST.jdbc(db), db, false);

        assertThat(newKeysFirst.absentInserts).isPositive();
        assertThat(readFirst.absentInserts).isZero();
        assertThat(newKeysFirst.counts).isEqualTo(readFirst.counts)
                .containsExactly(new Counts(3, 0), new Counts(7, 2), new Counts(1, 1), new Counts(2, 0),
                        new Counts(1, 0), new Counts(1, 1));
        assertThat(newKeysFirst.tables).isEqualTo(readFirst.tables);
        // the scenario reaches every path: inline single versions, histories and their payloads
        assertThat(newKeysFirst.tables.get(0)).hasSize(12);
        assertThat(newKeysFirst.tables.get(1)).hasSize(6);
        assertThat(newKeysFirst.tables.get(2)).isNotEmpty();
        // new keys inserted first keep their payloads in segments, read back the same as the text inline read-first
        // keeps in the row
        assertThat(segments.get(true)).isPositive();
        assertThat(segments.get(false)).isZero();
    }

    private final Map<Boolean, Integer> segments = new HashMap<>();

    /**
     * Each row's raw payload and its expiry as read: from the row, or from the segment it points at (V21); the
     * pointer itself left out, as neither path's representation is the other's.
     */
    private static List<String> payloadsRead(JdbcTemplate jdbc, List<String> rows) {
        RawSegments segments = new RawSegments(jdbc);
        return rows.stream().map(row -> {
            Matcher m = Pattern.compile("batch_id=(\\S+) .*raw_segment=(\\S+) raw_at=(\\S+) raw_length=(\\S+) ").matcher(row);
            assertThat(m.find()).as(row).isTrue();
            String out = row.substring(0, m.start(2) - "raw_segment=".length()) + row.substring(m.end());
            if (m.group(2).equals("null")) {
                return out;
            }
            RawSegments.Stored seg = segments.find(m.group(1), Integer.parseInt(m.group(2))).orElseThrow();
            assertThat(out).contains("raw=null raw_expires_at=null ");
            return out.replace("raw=null raw_expires_at=null ", "raw=" + seg.text(Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))) + " raw_expires_at=" + seg.expiresAt().toEpochMilli() + " ");
        }).toList();
    }

    private record Stored(List<Counts> counts, List<List<String>> tables, int absentInserts) {}

    private Stored store(JdbcTemplate jdbc, Database db, boolean newKeysFirst) {
        Dialect dialect = db == Database.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.SQLITE;
        RowWriter database = RowWriter.of(dialect, jdbc);
        AtomicInteger absentInserts = new AtomicInteger();
        // reading every key first is what the intake does when the first insert takes no row
        RowWriter rows = new RowWriter() {
            @Override
            public void insert(String table, String[] columns, int[] nullTypes, List<Object[]> rows) {
                database.insert(table, columns, nullTypes, rows);
            }

            @Override
            public boolean[] insertAbsent(String table, String key, String[] columns, int[] nullTypes,
                                          List<Object[]> rows) {
                if (!newKeysFirst) {
                    return new boolean[rows.size()];
                }
                absentInserts.incrementAndGet();
                return database.insertAbsent(table, key, columns, nullTypes, rows);
            }
        };
        JdbcIntakeStore store = new JdbcIntakeStore(jdbc, rows,
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new WriteLock(jdbc, dialect));

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
        // new keys only: after chunks that met stored keys, PostgreSQL reads first once, then copies again
        counts.add(chunk(store, "b4", parcel("I", 0, "x"), parcel("J", 0, "x")));
        counts.add(chunk(store, "b5", parcel("K", 0, "x")));
        counts.add(chunk(store, "b6", parcel("L", 0, "x"), parcel("K", 0, "x")));

        segments.put(newKeysFirst, jdbc.queryForObject("SELECT COUNT(*) FROM raw_segment", Integer.class));
        List<List<String>> tables = List.of(
                payloadsRead(jdbc, dump(jdbc, "SELECT * FROM shipment ORDER BY natural_key")),
                dump(jdbc, "SELECT * FROM record_version ORDER BY kind, natural_key, version"),
                dump(jdbc, "SELECT * FROM raw_payload ORDER BY raw_hash"));
        return new Stored(counts, tables, absentInserts.get());
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
