package dev.subsidy.runtime;

import dev.subsidy.intake.IntakeReceipt;
import java.time.Instant;

/**
 * What one run has stored so far, summed over its batches, so that its history entry says what the
 * run did even when a later batch of it failed. Used by one route thread at a time.
 */
public final class RunTally {

    private final Instant startedAt;
    private long recordsIn;
    private long accepted;
    private long duplicates;
    private long rejected;

    public RunTally(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public void add(IntakeReceipt receipt) {
        accepted += receipt.accepted();
        duplicates += receipt.duplicates();
        rejected += receipt.rejected().size();
        recordsIn += receipt.accepted() + receipt.duplicates() + receipt.rejected().size();
    }

    public ConnectorRuns.Run ended(String connectorId, Instant finishedAt, ConnectorRuns.Outcome outcome, String error) {
        return new ConnectorRuns.Run(connectorId, startedAt, finishedAt, recordsIn, accepted, duplicates, rejected,
                outcome, error, null, null, null);
    }

    public ConnectorRuns.Run file(String connectorId, Instant finishedAt, ConnectorRuns.Outcome outcome, String error,
                                  String file, ConnectorRuns.FileOutcome fileOutcome, String movedTo) {
        return new ConnectorRuns.Run(connectorId, startedAt, finishedAt, recordsIn, accepted, duplicates, rejected,
                outcome, error, file, fileOutcome, movedTo);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long recordsIn() {
        return recordsIn;
    }
}
