package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.verification.Direction;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StoredShipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A close's verdicts written set-based on both databases: status and reasons onto the records, the findings
 * replaced — those of an earlier close removed, the new ones kept with their month and subject — and a
 * second close changing only what its verdicts changed, over more records than one statement slice, with
 * records that have a status and records that lost theirs to a revision in one chunk.
 */
class StatusBookStorageIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("status-book");
    private static final Instant T0 = Instant.parse("2025-03-05T02:00:00Z");
    private static final Subject COMPANY = new Subject("91522633MA6D0KD01Y", SubjectType.EXPRESS_COMPANY, "从江县某快递",
            "522633", null, null, null, Set.of(), Map.of());

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    /** As a close marks: in chunks. */
    private static void mark(JdbcStatusBook book, List<ShipmentVerdict> verdicts) {
        for (int from = 0; from < verdicts.size(); from += 500) {
            book.markShipments(verdicts.subList(from, Math.min(verdicts.size(), from + 500)));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void verdictsReplaceStatusesAndFindingsAndAReCloseChangesOnlyWhatChanged(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        JdbcStatusBook book = new JdbcStatusBook(jdbc, RowWriter.of(Dialect.of(jdbc.getDataSource()), jdbc),
                Dialect.of(jdbc.getDataSource()));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        String prefix = db.name().substring(0, 2);
        List<Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            Shipment s = shipment(prefix + String.format("7800%08d", i));
            shipments.add(s);
            jdbc.update("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                    + "content_hash, collected_at, connector_id, connectors, duplicates, received_at) "
                    + "VALUES (?, 'ZTO', ?, 1, 1, 0, ?, 0, 'standard', 'standard', 0, 0)",
                    s.naturalKey(), s.waybillNo(), "hash-" + i);
        }
        String first = shipments.get(0).naturalKey();
        String second = shipments.get(1).naturalKey();
        String last = shipments.get(1_199).naturalKey();
        // what an earlier close found about the first record
        jdbc.update("INSERT INTO record_finding (kind, natural_key, rule, outcome, reason, period, subject_id) "
                + "VALUES ('shipment', ?, 'waybill.shape', 'SUSPECT', 'an old finding', '2025-03', NULL)", first);

        assertThat(status(jdbc, first)).as("not closed yet").containsExactly("RECEIVED", null);

        List<ShipmentVerdict> verdicts = new ArrayList<>();
        for (Shipment s : shipments) {
            List<Finding> findings = s.naturalKey().equals(second)
                    ? List.of(Finding.suspect("buyer.concentration", "12 orders from one buyer"))
                    : s.naturalKey().equals(last) ? List.of(Finding.rejected("place.outside", "collected outside"))
                    : List.of();
            verdicts.add(verdict(s, findings));
        }
        tx.executeWithoutResult(t -> mark(book, verdicts));

        assertThat(status(jdbc, first)).containsExactly("VERIFIED", null);
        assertThat(status(jdbc, second)).containsExactly("SUSPECT", "12 orders from one buyer");
        assertThat(status(jdbc, last)).containsExactly("REJECTED", "collected outside");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_status WHERE kind = 'shipment' AND natural_key "
                + "LIKE ? AND status = 'VERIFIED'", Integer.class, "ZTO:" + prefix + "%")).isEqualTo(1_198);
        assertThat(findings(jdbc, first)).isEmpty();
        assertThat(findings(jdbc, second)).containsExactly("buyer.concentration SUSPECT 2025-03 91522633MA6D0KD01Y");
        assertThat(findings(jdbc, last)).containsExactly("place.outside REJECTED 2025-03 91522633MA6D0KD01Y");

        // closed again: the second record is cleared, the last one stays as it was. Meanwhile the second was revised
        // (a new version deletes its status, and its findings wait for the next close), and so was a record in the
        // same chunk that the first close verified: one chunk mixes records with a status and records without
        String revisedVerified = shipments.get(7).naturalKey();
        jdbc.update("DELETE FROM record_status WHERE kind = 'shipment' AND natural_key IN (?, ?)", second,
                revisedVerified);
        assertThat(status(jdbc, second)).as("revised").containsExactly("RECEIVED", null);
        verdicts.set(1, verdict(shipments.get(1), List.of()));
        verdicts.set(7, verdict(shipments.get(7), List.of(Finding.suspect("hollow.parcel", "weighs 3 g"))));
        tx.executeWithoutResult(t -> mark(book, verdicts));

        assertThat(status(jdbc, second)).containsExactly("VERIFIED", null);
        assertThat(findings(jdbc, second)).as("the first close's finding is replaced").isEmpty();
        assertThat(status(jdbc, revisedVerified)).containsExactly("SUSPECT", "weighs 3 g");
        assertThat(findings(jdbc, revisedVerified)).containsExactly("hollow.parcel SUSPECT 2025-03 91522633MA6D0KD01Y");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_status WHERE kind = 'shipment' AND natural_key "
                + "LIKE ?", Integer.class, "ZTO:" + prefix + "%")).as("one status per record").isEqualTo(1_200);
        assertThat(status(jdbc, last)).containsExactly("REJECTED", "collected outside");
        assertThat(findings(jdbc, last)).containsExactly("place.outside REJECTED 2025-03 91522633MA6D0KD01Y");
    }

    private static Shipment shipment(String waybill) {
        return new Shipment(Carrier.ZTO, waybill, T0, "522633", "从江县城", "440106", null, null, null, null, null, null,
                null, null, T0, null, null, null);
    }

    private static ShipmentVerdict verdict(Shipment s, List<Finding> findings) {
        return ShipmentVerdict.of(new StoredShipment(s, List.of("standard"), 0), findings, Direction.OUTBOUND, COMPANY,
                T0);
    }

    private static List<String> status(JdbcTemplate jdbc, String key) {
        return jdbc.queryForObject("SELECT COALESCE(st.status, 'RECEIVED'), st.reasons FROM shipment s LEFT JOIN "
                + "record_status st ON st.kind = 'shipment' AND st.natural_key = s.natural_key WHERE s.natural_key = ?",
                (rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)), key);
    }

    private static List<String> findings(JdbcTemplate jdbc, String key) {
        return jdbc.query("SELECT rule, outcome, period, subject_id FROM record_finding WHERE kind = 'shipment' AND "
                + "natural_key = ? ORDER BY rule", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4), key);
    }
}
