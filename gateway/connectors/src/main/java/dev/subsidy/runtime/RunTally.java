package dev.subsidy.runtime;

import dev.subsidy.intake.IntakeReceipt;
import java.time.Instant;

/**
 * What one run has stored so far, summed over its batches, so that its history entry says what the
 * run did even when a later batch of it failed. Used by one route thread at a time.
 */
public final class RunTally {

    /**
     * A run in progress as the connector view shows it: since when, pages (batches) stored and records
     * read so far.
     */
    public record Progress(Instant startedAt, long pages, long records) {}

    private final Instant startedAt;
    // written by the route's thread only; volatile so the connector view may read them mid-run
    private volatile long pages;
    private volatile long recordsIn;
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
        pages++;
    }

    public Progress progress() {
        return new Progress(startedAt, pages, recordsIn);
    }

    /** Pages (batches) stored so far. */
    public long pages() {
        return pages;
    }

    public long accepted() {
        return accepted;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejected() {
        return rejected;
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
