package dev.subsidy.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * Records in, accepted, duplicates and rejected per connector, summed from the intake's batches:
 * counted by the database in the transactions that stored them, so they are exact, survive restarts
 * and need no counter kept in memory. Implemented by the gateway's storage.
 */
public interface ConnectorCounters {

    /** One connector's sums; the last batch's arrival stands for the last success after a restart. */
    record Counts(long recordsIn, long accepted, long duplicates, long rejected, Instant lastBatch) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, null);
    }

    /** Every connector's sums, by connector id. */
    Map<String, Counts> all();
}
