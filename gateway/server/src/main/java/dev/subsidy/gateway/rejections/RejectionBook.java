package dev.subsidy.gateway.rejections;

import dev.subsidy.intake.IntakeReceipt;
import java.time.Instant;
import java.util.List;

/**
 * The rejected records kept by the intake, read as a dead-letter queue, and the marks of their replays
 * (docs/operations.md "Replaying rejected records"); implemented in storage. Every write happens inside
 * the replay's intake transaction.
 */
public interface RejectionBook {

    /** What the list is narrowed to; null or blank: any. */
    record Filter(String connector, String batch, String reason, Boolean replayed) {}

    /** How a rejection was replayed. */
    record Replay(String batch, Instant at, String outcome, String reason) {}

    /** One rejection as listed; {@code origin} is how its batch came (JSON, NDJSON, CSV, PULL, PUSH, FILE, REPLAY). */
    record Listed(String batch, int index, String connector, String origin, String reason, String raw,
                  Instant receivedAt, Replay replay) {}

    record Page(List<Listed> items, long total) {}

    /** Rejections newest first. */
    Page list(Filter filter, int page, int size);

    /** Where a reading of the queue stands: the last rejection read, in (received, batch, index) order. */
    record After(long receivedAt, String batch, int index) {}

    /**
     * A rejection not yet replayed, with the rejection the partner's record first arrived as (itself, or
     * the one a chain of replays started from).
     */
    record Pending(String batch, int index, long receivedAt, String origin, String raw, String originBatch,
                   int originIndex) {

        public After after() {
            return new After(receivedAt, batch, index);
        }
    }

    /**
     * Up to {@code limit} rejections of a connector not yet replayed, oldest first, after {@code after}
     * (null: from the start), of one batch and received since an instant when those are given.
     */
    List<Pending> pending(String connector, String batch, Instant since, After after, int limit);

    /** How a replayed rejection came out, before the intake has judged its records. */
    enum Outcome {
        /** accepted, or a duplicate of what was held */
        STORED,
        /** a new rejection in the replay batch */
        STILL_REJECTED,
        /** the mapping makes no record of it now */
        NOTHING_TO_STORE,
        /** its raw text is not a record */
        NOT_REPLAYABLE
    }

    /**
     * A rejection taken by a replay.
     *
     * @param replay the replay's mark until {@link #settle} names its intake batch
     * @param firstIndex where its records start in the replay batch
     * @param records how many standard records it became
     */
    record Mark(Pending rejection, String connector, String replay, Instant at, int firstIndex, int records,
                Outcome outcome, String reason) {}

    void mark(List<Mark> marks);

    /**
     * Once the intake has judged the replay batch: the rejections whose records it rejected again are
     * STILL_REJECTED with the first new reason, and every mark of {@code replay} names {@code batch}.
     */
    void settle(String replay, String batch, List<IntakeReceipt.Rejected> rejected);

    /** A replayed rejection that is still not stored. */
    record NotStored(String batch, int index, String outcome, String reason) {}

    /** Up to {@code limit} rejections of a replay batch that are still not stored, in the order they were taken. */
    List<NotStored> notStored(String replayBatch, int limit);

    /** How many rejections of a replay batch are still not stored. */
    long countNotStored(String replayBatch);

    /** Whether any batch of a connector was ever stored. */
    boolean anyBatch(String connector);

    /** Whether a connector ever stored a batch it read itself (PULL, PUSH, FILE): then a standard parser is not its reader. */
    boolean readByConnector(String connector);
}
