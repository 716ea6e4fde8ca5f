package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.RecordSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On SQLite a close reads a period that is most of the shipment table in slices of row ids on two connections, and
 * one that is a small part of it by time, as SQLite plans it (docs/operations.md "Database"): either way the same
 * shipments in the order of their keys as SQLite sorts them, and the same orders its parcels name.
 */
class ShipmentAccessIT {

    private static final Period OCTOBER = Period.parse("2026-10");

    private MigratedDatabases databases;

    @AfterEach
    void closeSource() {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void aPeriodThatIsMostOfTheTableIsReadInSlicesOfRowIdsAndGivesWhatTheTimeSearchGives() {
        JdbcTemplate jdbc = database("one-month");
        fill(jdbc, List.of("2026-10"), 3_000);
        List<String> expected = inKeyOrder(jdbc);

        assertThat(access(jdbc, OCTOBER).wholeTable()).isTrue();
        assertThat(slicePlan(jdbc))
                .as("each slice found by row id").contains("INTEGER PRIMARY KEY")
                .doesNotContain("shipment_collected_day");
        assertThat(shipmentsRead(jdbc, ShipmentSlices.ROWS)).as("one slice").isEqualTo(expected);
        assertThat(shipmentsRead(jdbc, 97))
                .as("31 slices whose keys interleave, taken by two threads and merged").isEqualTo(expected);
        assertThat(shipmentsAlone(jdbc, 97)).as("the same slices read by one thread").isEqualTo(expected);
        assertThat(ordersRead(jdbc))
                .as("orders named by the period's parcels, paid long before, found by the table read end to end")
                .containsExactly("TMALL:named-1", "TMALL:named-2");
    }

    @Test
    void aSliceThatCannotBeReadFailsTheReadOnWhicheverThreadTookItAndTheNextReadSucceeds() {
        JdbcTemplate jdbc = database("bad-slice");
        fill(jdbc, List.of("2026-10"), 3_000);
        List<String> expected = inKeyOrder(jdbc);
        // a carrier no release knows, in each of the last two slices: whichever thread takes one fails there
        jdbc.update("UPDATE shipment SET carrier = 'NO_SUCH_CARRIER' WHERE rowid IN (2900, 2999)");
        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.SQLITE, 97);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        try {
            assertThatThrownBy(() -> tx.execute(t -> source.read(OCTOBER)))
                    .as("the row's fault, not a wrapper's").hasMessageContaining("NO_SUCH_CARRIER");
            jdbc.update("UPDATE shipment SET carrier = substr(natural_key, 1, instr(natural_key, ':') - 1) "
                    + "WHERE rowid IN (2900, 2999)");
            List<String> read = tx.execute(t -> source.read(OCTOBER).shipments().stream()
                    .map(s -> s.record().naturalKey()).toList());
            assertThat(read).as("the reader thread takes the next close's slices").isEqualTo(expected);
        } finally {
            source.stop();
        }
    }

    @Test
    void theSlicesAreMergedInTheOrderOfSqlitesBinaryCollationWhateverTheCharacters() {
        JdbcTemplate jdbc = database("characters");
        fill(jdbc, List.of("2026-10"), 40);
        // past U+FFFF (surrogates in Java), just below it, and ASCII: UTF-16 order and byte order differ here
        long collected = Instant.parse("2026-10-05T00:00:00Z").toEpochMilli();
        List<String> waybills = List.of("W\uD83D\uDE00-1", "W\uFF10-2", "W0-3", "W\uD83D\uDE01-4", "W\uFFFD-5", "W-6");
        for (int i = 0; i < waybills.size(); i++) {
            String carrier = i % 2 == 0 ? "JD" : "JT";
            jdbc.update("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                    + "content_hash, collected_at, connector_id, connectors, duplicates, received_at) "
                    + "VALUES (?, ?, ?, 1, 1, ?, 'hash', ?, 'feed', 'feed', 0, ?)", carrier + ":" + waybills.get(i),
                    carrier, waybills.get(i), collected, collected, collected);
        }
        List<String> expected = inKeyOrder(jdbc);

        assertThat(expected).as("the database's own order is not Java's").isNotEqualTo(expected.stream().sorted().toList());
        assertThat(shipmentsRead(jdbc, 3)).isEqualTo(expected);
    }

    @Test
    void aPeriodThatIsASmallPartOfTheTableIsSearchedByTime() {
        JdbcTemplate jdbc = database("a-year");
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format("2026-%02d", m));
        }
        List<String> october = fill(jdbc, months, 400).stream().filter(k -> k.contains("-2026-10-")).toList();

        assertThat(access(jdbc, OCTOBER).wholeTable()).isFalse();
        assertThat(timePlan(jdbc)).contains("shipment_collected_day");
        assertThat(shipmentsRead(jdbc, 97))
                .hasSize(400).isEqualTo(october);
        assertThat(ordersRead(jdbc))
                .containsExactly("TMALL:named-1", "TMALL:named-2");
    }

    private JdbcTemplate database(String name) {
        databases = new MigratedDatabases("shipment-access-" + name);
        return databases.jdbc(Database.SQLITE);
    }

    private static ShipmentAccess access(JdbcTemplate jdbc, Period period) {
        return ShipmentAccess.of(jdbc, Dialect.SQLITE, period);
    }

    private static List<String> shipmentsRead(JdbcTemplate jdbc, long sliceRows) {
        return read(jdbc, sliceRows, (source, r) -> r.shipments().stream().map(s -> s.record().naturalKey()).toList());
    }

    private static List<String> shipmentsAlone(JdbcTemplate jdbc, long sliceRows) {
        return read(jdbc, sliceRows, (source, r) -> source.shipments(OCTOBER).stream().map(s -> s.record().naturalKey())
                .toList());
    }

    private static List<String> ordersRead(JdbcTemplate jdbc) {
        return read(jdbc, ShipmentSlices.ROWS, (source, r) -> List.copyOf(r.orders().keySet()));
    }

    private static List<String> read(JdbcTemplate jdbc, long sliceRows,
                                     BiFunction<JdbcRecordSource, RecordSource.Read, List<String>> what) {
        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.SQLITE, sliceRows);
        try {
            return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                    .execute(tx -> what.apply(source, source.read(OCTOBER)));
        } finally {
            source.stop();
        }
    }

    /** October's shipment keys as SQLite orders them. */
    private static List<String> inKeyOrder(JdbcTemplate jdbc) {
        long from = OCTOBER.start().toEpochMilli();
        long to = OCTOBER.end().toEpochMilli();
        return jdbc.queryForList("SELECT natural_key FROM shipment WHERE (collected_at >= ? AND collected_at < ?) "
                + "OR (delivered_at >= ? AND delivered_at < ?) ORDER BY natural_key", String.class, from, to, from, to);
    }

    private static String slicePlan(JdbcTemplate jdbc) {
        // as the close asks for a slice: in any order, each slice sorted by the thread that read it
        return plan(jdbc, "shipment s NOT INDEXED WHERE s.rowid >= 1 AND s.rowid < 98 AND", "");
    }

    private static String timePlan(JdbcTemplate jdbc) {
        return plan(jdbc, "shipment s WHERE", " ORDER BY natural_key");
    }

    private static String plan(JdbcTemplate jdbc, String from, String order) {
        return String.join("\n", jdbc.query("EXPLAIN QUERY PLAN SELECT waybill_no FROM " + from + " "
                + RecordStatusJoin.placedIn(RecordKind.SHIPMENT, "s", OCTOBER.start().toEpochMilli(),
                        OCTOBER.end().toEpochMilli()) + order, (rs, n) -> rs.getString("detail")));
    }

    /**
     * {@code each} shipments collected in each month, inserted in no order of key or time; the first two of October
     * name orders paid in 2025, outside any link window. Returns October's keys in the order a close must read them.
     */
    private static List<String> fill(JdbcTemplate jdbc, List<String> months, int each) {
        Random random = new Random(11);
        List<Object[]> rows = new ArrayList<>();
        List<String> october = new ArrayList<>();
        for (String month : months) {
            for (int i = 0; i < each; i++) {
                // keys whose order is not their order of arrival or of collection
                String waybill = String.format("%06d-%s-%04d", random.nextInt(1_000_000), month, i);
                String key = (i % 3 == 0 ? "SF:" : "ZTO:") + waybill;
                long collected = Instant.parse(month + "-01T00:00:00Z").toEpochMilli() + 3_600_000L * (i % 600);
                String orderRef = month.equals("2026-10") && i < 2 ? "TMALL:named-" + (i + 1) : null;
                rows.add(new Object[] {key, key.substring(0, key.indexOf(':')), waybill, collected, collected, orderRef,
                        collected});
                if (month.equals("2026-10")) {
                    october.add(key);
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                + "content_hash, collected_at, order_ref, connector_id, connectors, duplicates, received_at) "
                + "VALUES (?, ?, ?, 1, 1, ?, 'hash', ?, ?, 'feed', 'feed', 0, ?)", rows);
        long paid = Instant.parse("2025-03-01T02:00:00Z").toEpochMilli();
        for (String id : List.of("named-1", "named-2", "unnamed")) {
            jdbc.update("INSERT INTO sales_order (natural_key, platform, order_id, shop_id, channel, order_status, paid_at, "
                    + "amount_fen, refunded_fen, currency, waybills, cross_border, version, versions, updated_at, "
                    + "content_hash, connector_id, connectors, duplicates, received_at) VALUES (?, 'TMALL', ?, 'shop-1', "
                    + "'B2C', 'PAID', ?, 1000, 0, 'CNY', '', 0, 1, 1, ?, 'hash', 'feed', 'feed', 0, ?)",
                    "TMALL:" + id, id, paid, paid, paid);
        }
        return october.stream().sorted().toList();
    }
}
