package dev.subsidy.gateway.reconciliation;

import java.time.Instant;
import java.util.List;

/** What a connector's batches, rejections, replays and runs of a time span add up to (implemented in storage). */
public interface ReconciliationStore {

    /** The batches of one origin (intake_batch.format: JSON, NDJSON, CSV, PULL, PUSH, FILE) and what they counted. */
    record Intake(String origin, long batches, long records, long accepted, long duplicates, long rejected) {}

    /** Batches of the connector received in [from, to), by origin; replay batches are not among them. */
    List<Intake> intake(String connector, Instant from, Instant to);

    /** Rejections kept of those batches. */
    long rejectionsKept(String connector, Instant from, Instant to);

    /**
     * The rejections of those batches that were replayed, each counted once however many replays it took,
     * by how its last replay came out.
     */
    record Replays(long replayed, long stored, long nothingToStore, long stillRejected, long notReplayable) {}

    Replays replays(String connector, Instant from, Instant to);

    /** The connector's runs that started in [from, to): pull runs, and files taken for good (done or failed; not a retry). */
    record Runs(long runs, long failedRuns, long files, long filesFailed) {}

    Runs runs(String connector, Instant from, Instant to);

    /** Whether the connector ever stored a batch or ran, in any period. */
    boolean everKnown(String connector);
}
