package dev.subsidy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The five states the connector list shows, and which one wins when several hold at once. */
class ConnectorStatusTest {

    static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");

    @Test
    void aHealthyConnectorIsIdleBetweenRunsAndRunningDuringOne() {
        ConnectorStatus status = new ConnectorStatus(false, null, NOW);
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.IDLE);
        status.runStarted();
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.RUNNING);
        status.succeeded(NOW, NOW.plusSeconds(600));
        status.runEnded();
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.IDLE);
        status.runEnded(); // a stray end never makes the count negative
        status.runStarted();
        assertThat(status.isRunning()).isTrue();
    }

    @Test
    void aFailedRunIsFailingUntilOneSucceedsEvenWhileARetryIsInProgress() {
        ConnectorStatus status = new ConnectorStatus(false, null, NOW);
        status.failed(NOW, "partner answered 500");
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.FAILING);
        status.runStarted();
        // monitoring must not see a failing partner flap to RUNNING at every retry
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.FAILING);
        status.runEnded();
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.FAILING);
        status.succeeded(NOW, NOW);
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.IDLE);
    }

    @Test
    void pausedWinsOverRunningAndStoppedOverEverythingAndAStoppedOneIsNeverDue() {
        ConnectorStatus status = new ConnectorStatus(false, null, NOW);
        status.runStarted();
        status.pause();
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.PAUSED);
        status.resume(NOW);
        status.stopped(NOW, "deleted");
        ConnectorStatus.Snapshot s = status.snapshot();
        assertThat(s.state()).isEqualTo(ConnectorState.STOPPED);
        assertThat(s.lastError()).isEqualTo("deleted");
        assertThat(s.nextRunAt()).isNull();
        assertThat(status.isDue(NOW.plusSeconds(3600))).isFalse();
    }

    @Test
    void aHoldKeepsRunsFromStartingAndIsRefusedWhileARunIsInProgress() {
        ConnectorStatus status = new ConnectorStatus(false, null, NOW);
        assertThat(status.holdIfIdle()).isTrue();
        assertThat(status.startIfDue(NOW)).isFalse();
        status.release();
        assertThat(status.startIfDue(NOW)).isTrue();
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.RUNNING);
        assertThat(status.holdIfIdle()).isFalse();
        status.runEnded();
        assertThat(status.holdIfIdle()).isTrue();
    }

    @Test
    void anUnusableDefinitionStaysFailingAsTheContractSays() {
        ConnectorStatus status = new ConnectorStatus(false, "settings.base_url: required", NOW);
        assertThat(status.snapshot().state()).isEqualTo(ConnectorState.FAILING);
        assertThat(status.isDue(NOW)).isFalse();
    }
}
