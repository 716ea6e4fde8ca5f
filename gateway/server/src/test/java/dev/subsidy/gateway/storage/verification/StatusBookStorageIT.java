package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.verification.Direction;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Review;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StoredShipment;
import java.time.Duration;
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
 * A close's verdicts written set-based on both databases: a status row only for what is not a plain VERIFIED of the
 * period — the flagged, the reviewed, a record outside the period — the findings replaced, those of an earlier close
 * removed and the new ones kept with their month and subject, records of another period untouched; and a second
 * close over more records than one statement slice, after revisions, leaving again a row only where one is needed.
 */
class StatusBookStorageIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("status-book");
    private static final Instant T0 = Instant.parse("2025-03-05T02:00:00Z");
    private static final Period MARCH = Period.parse("2025-03");
    private static final Subject COMPANY = new Subject("91522633MA6D0KD01Y", SubjectType.EXPRESS_COMPANY, "从江县某快递",
            "522633", null, null, null, Set.of(), Map.of());

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    /** As a close marks: its period reopened, then in chunks, then its bounds kept as the close log keeps them. */
    private static void close(JdbcTemplate jdbc, JdbcStatusBook book, List<ShipmentVerdict> verdicts) {
        book.reopen(MARCH);
        for (int from = 0; from < verdicts.size(); from += 500) {
            book.markShipments(MARCH, verdicts.subList(from, Math.min(verdicts.size(), from + 500)));
        }
        jdbc.update("INSERT INTO period_close (period, closes, last_closed, summary, starts_at, ends_at) "
                + "VALUES ('2025-03', 1, 0, '{}', ?, ?) ON CONFLICT (period) DO NOTHING",
                MARCH.start().toEpochMilli(), MARCH.end().toEpochMilli());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aCloseWritesARowOnlyWhereNoRowWouldReadWrongAndReplacesFindings(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        JdbcStatusBook book = new JdbcStatusBook(jdbc, RowWriter.of(Dialect.of(jdbc.getDataSource()), jdbc),
                Dialect.of(jdbc.getDataSource()));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        List<Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            shipments.add(stored(jdbc, shipment(String.format("7800%08d", i), T0)));
        }
        String first = shipments.get(0).naturalKey();
        String second = shipments.get(1).naturalKey();
        String reviewed = shipments.get(2).naturalKey();
        String last = shipments.get(1_199).naturalKey();
        // collected in February, delivered in April: not the period's, though its verdict is handed in
        Shipment outside = stored(jdbc, new Shipment(Carrier.ZTO, "780099999999", T0.minus(Duration.ofDays(14)),
                "522633", "从江县城", "440106", null, T0.plus(Duration.ofDays(30)), null, null, null, null, null, null,
                T0, null, null, null));
        // April's: another period's status and finding, which March's close leaves alone
        String april = stored(jdbc, shipment("780088888888", T0.plus(Duration.ofDays(30)))).naturalKey();
        jdbc.update("INSERT INTO record_status (kind, natural_key, status, reasons) VALUES ('shipment', ?, 'SUSPECT', "
                + "'weighs 2 g')", april);
        jdbc.update("INSERT INTO record_finding (kind, natural_key, rule, outcome, reason, period, subject_id) "
                + "VALUES ('shipment', ?, 'hollow.parcel', 'SUSPECT', 'weighs 2 g', '2025-04', NULL)", april);
        // what an earlier close found about the first record
        jdbc.update("INSERT INTO record_finding (kind, natural_key, rule, outcome, reason, period, subject_id) "
                + "VALUES ('shipment', ?, 'waybill.shape', 'SUSPECT', 'an old finding', '2025-03', NULL)", first);

        assertThat(status(jdbc, first)).as("not closed yet").containsExactly("RECEIVED", null);

        List<ShipmentVerdict> verdicts = new ArrayList<>();
        for (Shipment s : shipments) {
            List<Finding> findings = s.naturalKey().equals(second) || s.naturalKey().equals(reviewed)
                    ? List.of(Finding.suspect("buyer.concentration", "12 orders from one buyer"))
                    : s.naturalKey().equals(last) ? List.of(Finding.rejected("place.outside", "collected outside"))
                    : List.of();
            ShipmentVerdict v = verdict(s, findings);
            verdicts.add(s.naturalKey().equals(reviewed) ? v.reviewed(new Review(RecordKind.SHIPMENT, reviewed,
                    Review.Outcome.ACCEPT, "the buyer is a school", "li", T0, null)) : v);
        }
        verdicts.add(verdict(outside, List.of()));
        tx.executeWithoutResult(t -> close(jdbc, book, verdicts));

        assertThat(status(jdbc, first)).containsExactly("VERIFIED", null);
        assertThat(status(jdbc, second)).containsExactly("SUSPECT", "12 orders from one buyer");
        assertThat(status(jdbc, reviewed)).containsExactly("VERIFIED",
                "12 orders from one buyer; accepted by li at 2025-03-05T02:00:00Z: the buyer is a school");
        assertThat(status(jdbc, last)).containsExactly("REJECTED", "collected outside");
        assertThat(status(jdbc, outside.naturalKey())).containsExactly("VERIFIED", null);
        assertThat(rows(jdbc)).as("a row for the flagged, the reviewed and the one outside the period, none else")
                .containsExactlyInAnyOrder(second, reviewed, last, outside.naturalKey(), april);
        assertThat(findings(jdbc, first)).isEmpty();
        assertThat(findings(jdbc, second)).containsExactly("buyer.concentration SUSPECT 2025-03 91522633MA6D0KD01Y");
        assertThat(findings(jdbc, last)).containsExactly("place.outside REJECTED 2025-03 91522633MA6D0KD01Y");
        assertThat(status(jdbc, april)).as("another period's").containsExactly("SUSPECT", "weighs 2 g");
        assertThat(findings(jdbc, april)).containsExactly("hollow.parcel SUSPECT 2025-04 null");

        // closed again: the second record is cleared, the last one stays as it was. Meanwhile the second was revised
        // (its new version RECEIVED, as intake writes it into a closed period, its findings waiting for the next
        // close), and so was a record the first close verified
        String revisedVerified = shipments.get(7).naturalKey();
        for (String key : List.of(second, revisedVerified)) {
            jdbc.update("INSERT INTO record_status (kind, natural_key, status, reasons) VALUES ('shipment', ?, "
                    + "'RECEIVED', NULL) ON CONFLICT (kind, natural_key) DO UPDATE SET status = 'RECEIVED', "
                    + "reasons = NULL", key);
        }
        assertThat(status(jdbc, second)).as("revised").containsExactly("RECEIVED", null);
        assertThat(status(jdbc, revisedVerified)).as("revised").containsExactly("RECEIVED", null);
        verdicts.set(1, verdict(shipments.get(1), List.of()));
        verdicts.set(7, verdict(shipments.get(7), List.of(Finding.suspect("hollow.parcel", "weighs 3 g"))));
        tx.executeWithoutResult(t -> close(jdbc, book, verdicts));

        assertThat(status(jdbc, second)).containsExactly("VERIFIED", null);
        assertThat(findings(jdbc, second)).as("the first close's finding is replaced").isEmpty();
        assertThat(status(jdbc, revisedVerified)).containsExactly("SUSPECT", "weighs 3 g");
        assertThat(findings(jdbc, revisedVerified)).containsExactly("hollow.parcel SUSPECT 2025-03 91522633MA6D0KD01Y");
        assertThat(status(jdbc, last)).containsExactly("REJECTED", "collected outside");
        assertThat(findings(jdbc, last)).as("written once again, not twice")
                .containsExactly("place.outside REJECTED 2025-03 91522633MA6D0KD01Y");
        assertThat(rows(jdbc)).containsExactlyInAnyOrder(reviewed, revisedVerified, last, outside.naturalKey(), april);
        assertThat(status(jdbc, april)).containsExactly("SUSPECT", "weighs 2 g");
        assertThat(findings(jdbc, april)).containsExactly("hollow.parcel SUSPECT 2025-04 null");
    }

    private static Shipment stored(JdbcTemplate jdbc, Shipment s) {
        jdbc.update("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                + "content_hash, collected_at, delivered_at, connector_id, connectors, duplicates, received_at) "
                + "VALUES (?, 'ZTO', ?, 1, 1, 0, ?, ?, ?, 'standard', 'standard', 0, 0)", s.naturalKey(), s.waybillNo(),
                "hash-" + s.waybillNo(), s.collectedAt().toEpochMilli(),
                s.deliveredAt() == null ? null : s.deliveredAt().toEpochMilli());
        return s;
    }

    private static List<String> rows(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT natural_key FROM record_status WHERE kind = 'shipment'", String.class);
    }

    private static Shipment shipment(String waybill, Instant collectedAt) {
        return new Shipment(Carrier.ZTO, waybill, collectedAt, "522633", "从江县城", "440106", null, null, null, null, null, null,
                null, null, T0, null, null, null);
    }

    private static ShipmentVerdict verdict(Shipment s, List<Finding> findings) {
        return ShipmentVerdict.of(new StoredShipment(s, List.of("standard"), 0), findings, Direction.OUTBOUND, COMPANY,
                T0);
    }

    private static List<String> status(JdbcTemplate jdbc, String key) {
        return jdbc.queryForObject("SELECT " + RecordStatusJoin.status(RecordKind.SHIPMENT, "s") + ", st.reasons "
                + "FROM shipment s" + RecordStatusJoin.join(RecordKind.SHIPMENT, "s") + " WHERE s.natural_key = ?",
                (rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)), key);
    }

    private static List<String> findings(JdbcTemplate jdbc, String key) {
        return jdbc.query("SELECT rule, outcome, period, subject_id FROM record_finding WHERE kind = 'shipment' AND "
                + "natural_key = ? ORDER BY rule", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4), key);
    }
}
