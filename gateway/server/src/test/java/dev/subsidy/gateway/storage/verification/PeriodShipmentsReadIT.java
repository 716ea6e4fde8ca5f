package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.records.CollectionDay;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.StoredShipment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The close reads a period's shipments by collection or delivery time, each through its index, though
 * the delivery index holds only delivered rows (V18: the intake no longer writes an entry for a parcel not
 * yet delivered, nor one for an order reference no query searched by) and the collection index only days (V22).
 */
class PeriodShipmentsReadIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("period-shipments");
    private static final Period OCTOBER = Period.parse("2026-10");
    private static final long SEPTEMBER = Instant.parse("2026-09-20T02:00:00Z").toEpochMilli();
    private static final long IN_OCTOBER = Instant.parse("2026-10-12T02:00:00Z").toEpochMilli();
    private static final long NOVEMBER = Instant.parse("2026-11-03T02:00:00Z").toEpochMilli();
    /** October's shipments counted with the condition every query of a period's shipments uses. */
    private static final String COUNT_SQL = "SELECT COUNT(*) FROM shipment s WHERE " + RecordStatusJoin.placedIn(
            RecordKind.SHIPMENT, "s", OCTOBER.start().toEpochMilli(), OCTOBER.end().toEpochMilli());

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void collectedOrDeliveredInThePeriodIsReadWhetherOrNotItWasDelivered(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        shipment(jdbc, "ZTO:7300001", IN_OCTOBER, null); // collected in the period, not delivered yet
        shipment(jdbc, "ZTO:7300002", SEPTEMBER, IN_OCTOBER); // counted at delivery (inbound)
        shipment(jdbc, "ZTO:7300003", SEPTEMBER, NOVEMBER); // delivered after the period
        shipment(jdbc, "ZTO:7300004", SEPTEMBER, null); // before the period, never delivered
        shipment(jdbc, "ZTO:7300005", IN_OCTOBER, IN_OCTOBER);

        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()));
        List<StoredShipment> read = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .execute(tx -> source.shipments(OCTOBER));

        assertThat(read).extracting(s -> s.record().naturalKey())
                .containsExactly("ZTO:7300001", "ZTO:7300002", "ZTO:7300005");
        // asked before the close reads: collected in the period are two (the one only delivered in it not counted)
        assertThat(source.collectedMoreThan(OCTOBER, 1)).isTrue();
        assertThat(source.collectedMoreThan(OCTOBER, 2)).isFalse();
        // read a slice at a time, on the source's reader thread, outside the close's transaction: the same three
        List<String> sliced = new java.util.ArrayList<>();
        source.eachShipmentSlice(OCTOBER, slice -> slice.forEach(s -> sliced.add(s.record().naturalKey())));
        assertThat(sliced).containsExactlyInAnyOrder("ZTO:7300001", "ZTO:7300002", "ZTO:7300005");
        assertThat(jdbc.queryForList(db == Database.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shipment'"
                : "SELECT indexname FROM pg_indexes WHERE tablename = 'shipment'", String.class))
                .contains("shipment_delivered_at", "shipment_collected_day")
                .doesNotContain("shipment_order_ref", "shipment_collected_at");
        assertThat(plan(jdbc, db)).as("the period's deliveries are found through the partial index, its collections "
                + "through the days'").contains("shipment_delivered_at").contains("shipment_collected_day");
    }

    /**
     * More shipments than one fetch holds: read inside the close's transaction, PostgreSQL's driver fetches them
     * through a cursor, a batch at a time; every one comes back once, in natural-key order.
     */
    @ParameterizedTest
    @EnumSource(Database.class)
    void aPeriodLargerThanOneFetchIsReadWholeAndInOrder(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        Period march = Period.parse("2026-03");
        long collected = Instant.parse("2026-03-10T02:00:00Z").toEpochMilli();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 24_999; i >= 0; i--) { // inserted in reverse: the order must come from the query
            String key = String.format("ZTO:76%08d", i);
            rows.add(new Object[] {key, key.substring(4), collected, collected, collected});
        }
        jdbc.batchUpdate("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                + "content_hash, collected_at, connector_id, connectors, duplicates, received_at) "
                + "VALUES (?, 'ZTO', ?, 1, 1, ?, 'hash', ?, 'feed', 'feed', 0, ?)", rows);

        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()));
        List<String> read = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .execute(tx -> source.shipments(march).stream().map(s -> s.record().naturalKey()).toList());

        assertThat(read).hasSize(25_000).doesNotHaveDuplicates().isSorted();
        assertThat(read.get(0)).isEqualTo("ZTO:7600000000");
        assertThat(read.get(24_999)).isEqualTo("ZTO:7600024999");
    }

    /**
     * Read for a census, in no order: every shipment of the period once, with what a census counts. A period that is most of the table is read in
     * ranges on the caller's thread and the reader thread at once, each with its own consumer; a shipment of another
     * period in the same ranges is not handed over.
     */
    @ParameterizedTest
    @EnumSource(Database.class)
    void aPeriodReadInAnyOrderHandsEveryShipmentOnceToTheThreadThatReadIt(Database db) {
        try (MigratedDatabases own = new MigratedDatabases("period-any-order")) {
            JdbcTemplate jdbc = own.jdbc(db);
            long collected = Instant.parse("2026-05-10T02:00:00Z").toEpochMilli();
            List<Object[]> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                String key = String.format("ZTO:75%08d", i);
                rows.add(new Object[] {key, key.substring(4), collected, collected, collected});
            }
            jdbc.batchUpdate("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                    + "content_hash, collected_at, connector_id, connectors, duplicates, received_at) "
                    + "VALUES (?, 'ZTO', ?, 1, 1, ?, 'hash', ?, 'feed', 'feed', 0, ?)", rows);
            shipment(jdbc, "ZTO:7400000", Instant.parse("2026-04-30T02:00:00Z").toEpochMilli(), null); // April's

            JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()), 1_000);
            java.util.Map<String, List<String>> byThread = new java.util.concurrent.ConcurrentHashMap<>();
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(tx ->
                    source.eachCensusSlice(Period.parse("2026-05"), () -> {
                        List<String> mine = new java.util.ArrayList<>();
                        byThread.put(Thread.currentThread().getName(), mine);
                        return slice -> {
                            assertThat(slice).hasSizeLessThanOrEqualTo(db == Database.SQLITE ? 1_000 : RecordSource.SLICE);
                            slice.forEach(s -> mine.add(s.record().naturalKey()));
                            // what a census reads of a parcel, and nothing more
                            assertThat(slice).allSatisfy(s -> assertThat(s.record().collectedAt()).isNull());
                        };
                    }));

            // and two addressed abroad, their country read and, only for them, their scans (the census asks them for
            // proof of leaving); a scan at home is not read for a parcel that stays
            List<Shipment> abroad = new java.util.ArrayList<>();
            String scans = dev.subsidy.intake.CanonicalForm.scans(List.of(new dev.subsidy.model.Scan(
                    dev.subsidy.model.ScanType.EXPORT, Instant.parse("2026-05-11T02:00:00Z"), "522633", "CJ-EXPORT")));
            jdbc.update("UPDATE shipment SET dest_country = 'US', scans = ? WHERE natural_key = 'ZTO:7500000007'", scans);
            jdbc.update("UPDATE shipment SET dest_country = 'JP' WHERE natural_key = 'ZTO:7500000008'");
            jdbc.update("UPDATE shipment SET scans = ? WHERE natural_key = 'ZTO:7500000009'", scans);
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(tx ->
                    source.eachCensusSlice(Period.parse("2026-05"), () -> slice -> slice.stream()
                            .filter(s -> s.record().international()).forEach(s -> {
                                synchronized (abroad) {
                                    abroad.add(s.record());
                                }
                            })));
            abroad.sort(java.util.Comparator.comparing(Shipment::waybillNo));
            assertThat(abroad).extracting(Shipment::carrier, Shipment::waybillNo, Shipment::destCountry)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Carrier.ZTO, "7500000007", "US"),
                            org.assertj.core.groups.Tuple.tuple(Carrier.ZTO, "7500000008", "JP"));
            assertThat(abroad.get(0).scans()).singleElement()
                    .satisfies(scan -> assertThat(scan.type().international()).isTrue());
            assertThat(abroad.get(1).scans()).isEmpty();

            List<String> all = byThread.values().stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(20_000).doesNotHaveDuplicates().allMatch(k -> k.startsWith("ZTO:75"));
            if (db == Database.POSTGRESQL) {
                ShipmentSlices blocks = ShipmentSlices.ofBlocks(jdbc, 31);
                assertThat(blocks.count()).isGreaterThan(2);
                String plan = String.join("\n", jdbc.queryForList("EXPLAIN SELECT s.natural_key FROM " + blocks.table("s")
                        + " WHERE " + blocks.rowsOf(1, "s") + " AND s.collected_at >= 0", String.class));
                assertThat(plan).as("a range of blocks is read where it lies").contains("Tid Range Scan");
            }
            // ranges of row ids on SQLite, of heap blocks on PostgreSQL
            assertThat(byThread).as("read on the caller's thread and the reader thread").hasSize(2);
            assertThat(byThread.values()).allSatisfy(keys -> assertThat(keys).isNotEmpty());
        }
    }

    private static String plan(JdbcTemplate jdbc, Database db) {
        if (db == Database.SQLITE) {
            return String.join("\n", jdbc.query("EXPLAIN QUERY PLAN " + COUNT_SQL, (rs, n) -> rs.getString("detail")));
        }
        // five rows: the planner would scan the table whatever indexes it has, so it is told not to, to show
        // which indexes it can use for these conditions
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).execute(tx -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", jdbc.query("EXPLAIN " + COUNT_SQL, (rs, n) -> rs.getString(1)));
        });
    }

    /**
     * The collection index holds China days (V22): a period's shipments are its whole days in that index, to the
     * millisecond at either end, and the database computes the day the gateway does.
     */
    @ParameterizedTest
    @EnumSource(Database.class)
    void aPeriodIsItsWholeChinaDaysInTheCollectionIndexToTheMillisecond(Database db) {
        try (MigratedDatabases own = new MigratedDatabases("collection-day")) {
            JdbcTemplate jdbc = own.jdbc(db);
            Period february = Period.parse("2026-02");
            long first = february.start().toEpochMilli(); // 2026-01-31T16:00:00Z
            long last = february.end().toEpochMilli() - 1; // 2026-02-28T15:59:59.999Z
            shipment(jdbc, "ZTO:7400001", first - 1, null); // 23:59:59.999 on 31 January, China time
            shipment(jdbc, "ZTO:7400002", first, null);
            shipment(jdbc, "ZTO:7400003", last, null);
            shipment(jdbc, "ZTO:7400004", last + 1, null); // midnight of 1 March
            shipment(jdbc, "ZTO:7400005", Instant.parse("1999-12-31T23:59:59Z").toEpochMilli(), null);

            List<long[]> days = jdbc.query("SELECT collected_at, " + CollectionDay.of("s") + " FROM shipment s",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            assertThat(days).hasSize(5).allSatisfy(d -> assertThat(d[1]).as("the day of %d", d[0])
                    .isEqualTo(CollectionDay.of(d[0])));
            assertThat(CollectionDay.of(first) - CollectionDay.of(first - 1)).isOne();
            assertThat(jdbc.queryForList("SELECT natural_key FROM shipment s WHERE " + RecordStatusJoin.placedIn(
                    RecordKind.SHIPMENT, "s", first, last + 1) + " ORDER BY natural_key", String.class))
                    .containsExactly("ZTO:7400002", "ZTO:7400003");
            assertThat(jdbc.queryForList("SELECT natural_key FROM shipment s WHERE "
                    + CollectionDay.wholeDays("s", first, last + 1) + " ORDER BY natural_key", String.class))
                    .as("whole days: the period's days exactly").containsExactly("ZTO:7400002", "ZTO:7400003");
            assertThat(jdbc.queryForList("SELECT natural_key FROM shipment s WHERE "
                    + CollectionDay.wholeDays("s", first + 1, last + 1) + " ORDER BY natural_key", String.class))
                    .as("a bound inside a day leaves that day out").containsExactly("ZTO:7400003");
            JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()));
            assertThat(source.collectedMoreThan(february, 1)).isTrue();
            assertThat(source.collectedMoreThan(february, 2)).isFalse();
        }
    }

    private static void shipment(JdbcTemplate jdbc, String key, long collectedAt, Long deliveredAt) {
        jdbc.update("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, content_hash, "
                + "collected_at, delivered_at, connector_id, connectors, duplicates, received_at) "
                + "VALUES (?, 'ZTO', ?, 1, 1, ?, 'hash', ?, ?, 'feed', 'feed', 0, ?)", key,
                key.substring(4), collectedAt, collectedAt, deliveredAt, collectedAt);
    }
}
