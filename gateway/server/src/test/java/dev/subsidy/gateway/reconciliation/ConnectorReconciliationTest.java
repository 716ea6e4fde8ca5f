package dev.subsidy.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorReconciliationTest {

    static final Instant FROM = Instant.parse("2026-09-30T16:00:00Z");
    static final Instant TO = Instant.parse("2026-10-31T16:00:00Z");
    static final ReconciliationStore.Replays NO_REPLAYS = new ReconciliationStore.Replays(0, 0, 0, 0, 0);
    static final ReconciliationStore.Runs NO_RUNS = new ReconciliationStore.Runs(0, 0, 0, 0);

    private static ConnectorReconciliation of(String kind, List<ReconciliationStore.Intake> intake, long kept,
                                     ReconciliationStore.Replays replays, ReconciliationStore.Runs runs) {
        return ConnectorReconciliation.of("c", "2026-10", FROM, TO, kind, intake, kept, replays, runs);
    }

    @Test
    void aPushConnectorsPeriodThatAddsUpIsBalancedWithWhatTheSenderWasToldAsReported() {
        ConnectorReconciliation r = of("PUSH", List.of(new ReconciliationStore.Intake("PUSH", 2, 10, 6, 1, 3)), 3,
                new ReconciliationStore.Replays(2, 1, 0, 1, 0), NO_RUNS);

        assertThat(r.balanced()).isTrue();
        assertThat(r.reason()).isNull();
        assertThat(r.reported()).isEqualTo(10L);
        assertThat(r.received()).isEqualTo(10);
        assertThat(r.awaitingReplay()).isOne();
        assertThat(r.replay().stored()).isOne();
        assertThat(r.basis()).isEqualTo("received");
    }

    @Test
    void aPullConnectorReportsNoPartnerTotalAndSaysWhy() {
        ConnectorReconciliation r = of("PULL", List.of(new ReconciliationStore.Intake("PULL", 4, 8, 8, 0, 0)), 0, NO_REPLAYS,
                new ReconciliationStore.Runs(5, 1, 0, 0));

        assertThat(r.reported()).isNull();
        assertThat(r.reportedMeans()).startsWith("unknown: the partner's API gives no total");
        assertThat(r.failedRuns()).isOne();
        assertThat(r.balanced()).isTrue();
    }

    @Test
    void countsThatDoNotAddUpAreNamedOneByOne() {
        ConnectorReconciliation r = of("FILE", List.of(new ReconciliationStore.Intake("FILE", 1, 10, 5, 1, 3)), 2,
                new ReconciliationStore.Replays(3, 1, 0, 0, 0), new ReconciliationStore.Runs(3, 1, 3, 1));

        assertThat(r.balanced()).isFalse();
        assertThat(r.reason()).isEqualTo("the batches hold 10 records but count 5 accepted + 1 duplicates + 3 rejected = 9; "
                + "the batches count 3 rejected but 2 rejections are kept; "
                + "1 file failed as a whole and stored nothing (in failed/ with the report of each refused row): "
                + "their rows are not in received; "
                + "3 rejections were replayed but 1 have an outcome; "
                + "3 rejections were replayed, more than the 2 kept");
        assertThat(r.awaitingReplay()).isZero();
    }

    @Test
    void aConnectorWithoutADefinitionIsTheStandardFeedOrWhatItsBatchesSay() {
        assertThat(of(null, List.of(new ReconciliationStore.Intake("NDJSON", 1, 1, 1, 0, 0)), 0, NO_REPLAYS, NO_RUNS).source())
                .isEqualTo("FEED");
        assertThat(of(null, List.of(new ReconciliationStore.Intake("CSV", 1, 1, 1, 0, 0),
                new ReconciliationStore.Intake("PUSH", 1, 2, 2, 0, 0)), 0, NO_REPLAYS, NO_RUNS).source()).isEqualTo("PUSH");
        ConnectorReconciliation empty = of(null, List.of(), 0, NO_REPLAYS, NO_RUNS);
        assertThat(empty.received()).isZero();
        assertThat(empty.balanced()).isTrue();
    }
}
