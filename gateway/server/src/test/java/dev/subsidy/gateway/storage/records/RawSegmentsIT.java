package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new record's raw payload is kept in its chunk's segment (table raw_segment, V21), packed by the intake's reading
 * thread or, for arrivals handed over unpacked, by the store; either way each record's text reads back exactly, and
 * chunks stored under one batch id — by the intake one after another, or by two stores that chose the same id — get
 * segments of their own.
 */
class RawSegmentsIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("raw-segments");
    private static final Instant RECEIVED = Instant.parse("2026-11-03T00:00:00Z");

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyTextReadsBackFromItsOwnSegmentWhoeverPackedItAndWhateverTheBatchIsCalled(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        RecordHistory history = new RecordHistory(jdbc);
        List<Arrival<Shipment>> packed = Arrival.packed(parcels("PACKED", 300));
        List<Arrival<Shipment>> unpacked = parcels("UNPACKED", 300);
        List<Arrival<Shipment>> again = Arrival.packed(parcels("AGAIN", 5));

        JdbcIntakeStore first = InlineBodyIT.store(jdbc);
        first.inWriteTransaction(() -> {
            first.storeArrivedShipments(packed, "feed", "same-batch", RECEIVED);
            return first.storeArrivedShipments(unpacked, "feed", "same-batch", RECEIVED);
        });
        JdbcIntakeStore second = InlineBodyIT.store(jdbc);
        second.inWriteTransaction(() -> second.storeArrivedShipments(again, "feed", "same-batch", RECEIVED));

        assertThat(jdbc.queryForList("SELECT segment FROM raw_segment WHERE batch_id = 'same-batch' ORDER BY segment",
                Integer.class)).containsExactly(1, 2, 3);
        for (List<Arrival<Shipment>> arrivals : List.of(packed, unpacked, again)) {
            for (Arrival<Shipment> a : arrivals) {
                assertThat(history.raw(RecordKind.SHIPMENT, a.record().naturalKey(), 1))
                        .contains(new RecordHistory.RawPayload.Kept(a.raw()));
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE batch_id = 'same-batch' AND (raw IS NOT NULL OR raw_segment IS NULL)",
                Integer.class)).as("every new row points into a segment").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE batch_id = 'same-batch'", Integer.class))
                .isEqualTo(605);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aDamagedSegmentIsSaidSoAndDoesNotStopASecondVersionOfItsRecords(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        RecordHistory history = new RecordHistory(jdbc);
        List<Arrival<Shipment>> first = Arrival.packed(parcels("DAMAGED", 3));
        JdbcIntakeStore store = InlineBodyIT.store(jdbc);
        store.inWriteTransaction(() -> store.storeArrivedShipments(first, "feed", "damaged-batch", RECEIVED));
        jdbc.update("UPDATE raw_segment SET body = ? WHERE batch_id = 'damaged-batch'",
                (Object) "not deflated".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String key = first.get(0).record().naturalKey();

        assertThat(history.raw(RecordKind.SHIPMENT, key, 1)).hasValueSatisfying(raw -> assertThat(raw)
                .isInstanceOfSatisfying(RecordHistory.RawPayload.Unreadable.class, u -> assertThat(u.why())
                        .contains("its segment cannot be read", "not deflated data")));

        Shipment revised = new Shipment(Carrier.ZTO, "DAMAGED0", RECEIVED.minusSeconds(3600), "522633", "从江县城",
                "510104", null, null, null, null, null, null, null, null, RECEIVED, null, null, null);
        Arrival<Shipment> second = Arrival.of(revised, "{\"waybillNo\":\"DAMAGED0\",\"destRegion\":\"510104\"}");
        store.inWriteTransaction(() -> store.storeArrivedShipments(List.of(second), "feed", "next-batch", RECEIVED));

        RecordHistory.Stored stored = history.find(RecordKind.SHIPMENT, key).orElseThrow();
        assertThat(stored.versions()).hasSize(2);
        assertThat(stored.versions().get(0).rawHash()).isEqualTo(first.get(0).rawHash());
        assertThat(stored.versions().get(0).rawKept()).isFalse();
        assertThat(history.raw(RecordKind.SHIPMENT, key, 2)).contains(new RecordHistory.RawPayload.Kept(second.raw()));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void revisionsOfRecordsFromManyBatchesKeepEachFirstVersionsText(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        RecordHistory history = new RecordHistory(jdbc);
        JdbcIntakeStore store = InlineBodyIT.store(jdbc);
        List<Arrival<Shipment>> firsts = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            List<Arrival<Shipment>> batch = Arrival.packed(parcels("MANY" + b + "X", 3));
            firsts.addAll(batch);
            String id = "many-" + b;
            store.inWriteTransaction(() -> store.storeArrivedShipments(batch, "feed", id, RECEIVED));
        }
        // one chunk revising all of them, in an order that alternates between their batches
        List<Arrival<Shipment>> revisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int b = 3; b >= 0; b--) {
                Shipment first = firsts.get(b * 3 + i).record();
                Shipment revised = new Shipment(Carrier.ZTO, first.waybillNo(), first.collectedAt(), "522633", "从江县城",
                        "510104", null, null, null, null, null, null, null, null, RECEIVED, null, null, null);
                revisions.add(Arrival.of(revised, "{\"waybillNo\":\"" + first.waybillNo() + "\",\"v\":2}"));
            }
        }
        store.inWriteTransaction(() -> store.storeArrivedShipments(Arrival.packed(revisions), "feed", "revisions",
                RECEIVED));

        for (Arrival<Shipment> a : firsts) {
            assertThat(history.raw(RecordKind.SHIPMENT, a.record().naturalKey(), 1))
                    .contains(new RecordHistory.RawPayload.Kept(a.raw()));
        }
        for (Arrival<Shipment> a : revisions) {
            assertThat(history.raw(RecordKind.SHIPMENT, a.record().naturalKey(), 2))
                    .contains(new RecordHistory.RawPayload.Kept(a.raw()));
        }
    }

    /** Parcels whose payloads share most of their text, as a feed's do, with Chinese and a four-byte character. */
    private static List<Arrival<Shipment>> parcels(String prefix, int n) {
        List<Arrival<Shipment>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String waybill = prefix + i;
            Shipment s = new Shipment(Carrier.ZTO, waybill, RECEIVED.minusSeconds(3600), "522633", "从江县城", "440106",
                    null, null, null, null, null, null, null, null, RECEIVED.minusSeconds(60), null, null, null);
            out.add(Arrival.of(s, "{\"waybillNo\":\"" + waybill + "\",\"originSite\":\"从江县城 𠀀\",\"n\":" + i + "}"));
        }
        return out;
    }
}
