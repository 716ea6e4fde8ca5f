package dev.subsidy.runtime;

import java.time.Instant;
import java.util.List;

/**
 * The history of each connector's runs (docs/api.md "Connectors"): one entry at the end of every
 * pull run (its whole poll loop), every file taken from an inbox, whether it was stored or not.
 * Push connectors' posts are their intake batches, kept already. Kept after the connector is
 * deleted. Implemented by the gateway's storage; thread-safe.
 */
public interface ConnectorRuns {

    /** How a run ended. */
    enum Outcome {
        /** Read and stored what it found. */
        OK,
        /** Failed: nothing of the failing batch or file was stored; retried after the backoff. */
        FAILED,
        /** Ran, and the partner had nothing new. */
        NOTHING_NEW
    }

    /** Where a file went: {@code done/}, {@code failed/} (a row refused or unreadable, with its report), or it stayed for a retry. */
    enum FileOutcome {
        DONE,
        FAILED,
        RETRYING
    }

    /**
     * One run.
     *
     * @param file for a file connector, the file's name as dropped; null otherwise
     * @param fileOutcome where the file went; null for other kinds
     * @param movedTo its name in {@code done/} or {@code failed/} (a name already there gets {@code -2} …); null when it stayed
     */
    record Run(String connectorId, Instant startedAt, Instant finishedAt, long recordsIn, long accepted, long duplicates,
               long rejected, Outcome outcome, String error, String file, FileOutcome fileOutcome, String movedTo) {}

    /** A page of runs, newest first, and how many there are in all. */
    record Page(List<Run> runs, long total) {}

    void record(Run run);

    /** Runs of a connector, newest first. */
    Page runs(String connectorId, int page, int size);

    /** Files a file connector took, newest first. */
    Page files(String connectorId, int page, int size);

    /**
     * A push connector's posts, newest first, from its intake batches: a post is stored whole or not at
     * all (a refused one stores nothing and is answered with its reason), so each one kept is a run.
     */
    Page posts(String connectorId, int page, int size);
}
