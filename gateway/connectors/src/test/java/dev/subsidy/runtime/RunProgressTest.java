package dev.subsidy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.intake.IntakeReceipt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pull run's progress as the connector view shows it while the run lasts. */
class RunProgressTest {

    static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");

    @Test
    void aRunInProgressShowsItsPagesAndRecordsSoFarAndNothingOnceItEnded() {
        ConnectorStatus status = new ConnectorStatus(false, null, NOW);
        RunTally tally = new RunTally(NOW);
        status.runStarted();
        status.tracking(tally);
        assertThat(status.runProgress()).contains(new RunTally.Progress(NOW, 0, 0));

        tally.add(new IntakeReceipt("b1", 90, 8, List.of(new IntakeReceipt.Rejected(3, "bad"), new IntakeReceipt.Rejected(7, "bad"))));
        tally.add(new IntakeReceipt("b2", 50, 0, List.of()));
        assertThat(status.runProgress()).contains(new RunTally.Progress(NOW, 2, 150));

        status.runEnded();
        assertThat(status.runProgress()).isEmpty();
    }

    @Test
    void aRunWhoseRouteDoesNotTellShowsNoProgress() {
        ConnectorStatus status = new ConnectorStatus(false, null, NOW);
        status.runStarted();
        assertThat(status.runProgress()).isEmpty();
    }
}
