package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A record's status lives in {@code record_status} (V19), written by a close: a record without a row there
 * reads RECEIVED, or VERIFIED once a period holding it is closed (V20), and a new current version of a closed
 * record makes it RECEIVED again, as does a record arriving into a closed period, while a duplicate or an older
 * version leaves the status the close gave it; on SQLite and PostgreSQL.
 */
class RecordStatusIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("record-status");
    private static final Instant T0 = InlineBodyIT.T0;
    private static final Instant RECEIVED = InlineBodyIT.RECEIVED;

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aNewCurrentVersionIsReceivedAgainAndADuplicateOrAnOlderVersionKeepsTheStatus(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        JdbcIntakeStore store = InlineBodyIT.store(jdbc);
        RecordHistory history = new RecordHistory(jdbc);
        Shipment revisedLater = InlineBodyIT.shipment("status-revised", T0, null, List.of());
        Shipment sentAgain = InlineBodyIT.shipment("status-again", T0, null, List.of());
        Shipment revisedEarlier = InlineBodyIT.shipment("status-older", T0, null, List.of());
        List<Shipment> first = List.of(revisedLater, sentAgain, revisedEarlier);
        store.inWriteTransaction(() -> store.storeArrivedShipments(first.stream().map(s -> Arrival.of(s, "raw " + s.waybillNo()))
                .toList(), "feed", "b1", RECEIVED));
        assertThat(status(history, revisedLater)).containsExactly("RECEIVED", null);

        // as a close leaves them
        for (Shipment s : first) {
            jdbc.update("INSERT INTO record_status (kind, natural_key, status, reasons) VALUES ('shipment', ?, "
                    + "'SUSPECT', 'checked by hand')", s.naturalKey());
        }
        assertThat(status(history, revisedLater)).containsExactly("SUSPECT", "checked by hand");

        Shipment older = new Shipment(revisedEarlier.carrier(), revisedEarlier.waybillNo(), revisedEarlier.collectedAt(),
                revisedEarlier.originRegion(), revisedEarlier.originSite(), revisedEarlier.destRegion(),
                revisedEarlier.destCountry(), null, null, "DS-0", revisedEarlier.orderRef(), revisedEarlier.shipperId(),
                revisedEarlier.weightGrams(), null, revisedEarlier.updatedAt().minusSeconds(60), revisedEarlier.scans(),
                revisedEarlier.paymentMethod(), revisedEarlier.receiverHash());
        store.inWriteTransaction(() -> store.storeArrivedShipments(List.of(
                Arrival.of(InlineBodyIT.revised(revisedLater), "raw 2"), Arrival.of(sentAgain, "raw " + sentAgain.waybillNo()),
                Arrival.of(older, "raw 0")), "feed", "b2", RECEIVED.plusSeconds(60)));

        assertThat(status(history, revisedLater)).containsExactly("RECEIVED", null);
        assertThat(history.find(RecordKind.SHIPMENT, revisedLater.naturalKey()).orElseThrow().version()).isEqualTo(2);
        assertThat(status(history, sentAgain)).containsExactly("SUSPECT", "checked by hand");
        assertThat(status(history, revisedEarlier)).containsExactly("SUSPECT", "checked by hand");
        assertThat(history.find(RecordKind.SHIPMENT, revisedEarlier.naturalKey()).orElseThrow().versions()).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_status WHERE natural_key = ?", Integer.class,
                revisedLater.naturalKey())).isZero();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRecordOfAClosedPeriodWithoutARowIsVerifiedAndOneArrivingIntoItIsReceived(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        JdbcIntakeStore store = InlineBodyIT.store(jdbc);
        RecordHistory history = new RecordHistory(jdbc);
        // August, not the month of the other test's records: a period closed here would close theirs too
        Instant closed = T0.minus(Duration.ofDays(90));
        Instant nextMonth = closed.plus(Duration.ofDays(31));
        Shipment closedAndLeft = InlineBodyIT.shipment("closed-left", closed, null, List.of());
        Shipment closedAndRevised = InlineBodyIT.shipment("closed-revised", closed, null, List.of());
        // collected the month before the one closed, delivered in it: the close holds it too
        Shipment deliveredIn = InlineBodyIT.shipment("closed-delivered", closed.minus(Duration.ofDays(20)), closed, List.of());
        store.inWriteTransaction(() -> store.storeArrivedShipments(Stream.of(closedAndLeft, closedAndRevised, deliveredIn)
                .map(s -> Arrival.of(s, "raw " + s.waybillNo())).toList(), "feed", "c1", RECEIVED));
        assertThat(status(history, closedAndLeft)).containsExactly("RECEIVED", null);

        // a close of the month that verified all three, as it leaves them: no row, the period's bounds kept
        Period month = Period.monthOf(closed);
        jdbc.update("INSERT INTO period_close (period, closes, last_closed, summary, starts_at, ends_at) "
                + "VALUES (?, 1, 0, '{}', ?, ?)", month.toString(), month.start().toEpochMilli(), month.end().toEpochMilli());
        for (Shipment s : List.of(closedAndLeft, closedAndRevised, deliveredIn)) {
            assertThat(status(history, s)).containsExactly("VERIFIED", null);
        }

        // late: a record new to the month closed, a new version of one it verified, the same record twice in one
        // chunk (written by the second path, not the first insert), an order paid in it; and one of next month
        Shipment late = InlineBodyIT.shipment("closed-late", closed, null, List.of());
        Shipment twiceFirst = InlineBodyIT.shipment("closed-twice", closed, null, List.of());
        Shipment nextMonths = InlineBodyIT.shipment("next-month", nextMonth, null, List.of());
        store.inWriteTransaction(() -> store.storeArrivedShipments(List.of(Arrival.of(late, "raw late"),
                Arrival.of(InlineBodyIT.revised(closedAndRevised), "raw revised"), Arrival.of(twiceFirst, "raw t1"),
                Arrival.of(InlineBodyIT.revised(twiceFirst), "raw t2"), Arrival.of(nextMonths, "raw next"),
                Arrival.of(closedAndLeft, "raw " + closedAndLeft.waybillNo())), "feed", "c2", RECEIVED.plusSeconds(60)));
        SalesOrder paidIn = InlineBodyIT.order("closed-order", closed, "12.00", "0", null, List.of(), List.of());
        SalesOrder paidLater = InlineBodyIT.order("later-order", nextMonth, "12.00", "0", null, List.of(), List.of());
        store.inWriteTransaction(() -> store.storeArrivedOrders(List.of(Arrival.of(paidIn, "raw o1"),
                Arrival.of(paidLater, "raw o2")), "feed", "c3", RECEIVED.plusSeconds(60)));

        for (Shipment s : List.of(late, closedAndRevised, twiceFirst)) {
            assertThat(status(history, s)).as(s.waybillNo()).containsExactly("RECEIVED", null);
        }
        assertThat(status(history, nextMonths)).containsExactly("RECEIVED", null);
        assertThat(status(history, closedAndLeft)).as("a duplicate keeps its status").containsExactly("VERIFIED", null);
        assertThat(status(history, deliveredIn)).containsExactly("VERIFIED", null);
        assertThat(history.find(RecordKind.ORDER, paidIn.naturalKey()).orElseThrow().status()).isEqualTo("RECEIVED");
        assertThat(history.find(RecordKind.ORDER, paidLater.naturalKey()).orElseThrow().status()).isEqualTo("RECEIVED");
        assertThat(jdbc.queryForList("SELECT natural_key FROM record_status WHERE status = 'RECEIVED'", String.class))
                .as("written only for what would otherwise read VERIFIED")
                .containsExactlyInAnyOrder(late.naturalKey(), closedAndRevised.naturalKey(), twiceFirst.naturalKey(),
                        paidIn.naturalKey());
    }

    private static List<String> status(RecordHistory history, Shipment s) {
        RecordHistory.Stored stored = history.find(RecordKind.SHIPMENT, s.naturalKey()).orElseThrow();
        return java.util.Arrays.asList(stored.status(), stored.reasons());
    }
}
