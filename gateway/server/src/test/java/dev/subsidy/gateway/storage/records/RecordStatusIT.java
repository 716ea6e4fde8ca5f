package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A record's status lives in {@code record_status} (V19), written by a close: a record without a row there
 * reads RECEIVED, and a new current version of a closed record makes it RECEIVED again, while a duplicate or
 * an older version leaves the status the close gave it; on SQLite and PostgreSQL.
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

    private static List<String> status(RecordHistory history, Shipment s) {
        RecordHistory.Stored stored = history.find(RecordKind.SHIPMENT, s.naturalKey()).orElseThrow();
        return java.util.Arrays.asList(stored.status(), stored.reasons());
    }
}
