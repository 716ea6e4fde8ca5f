package dev.subsidy.mapping;

import java.time.Duration;
import java.util.Objects;

/**
 * What a mapping may take: the size of its text, how deeply its expressions nest, how large the
 * values it builds and gives may be, and how long it may work on one record. A mapping's text is
 * written by an administrator, but it runs inside the gateway on every record of its connectors: the
 * limits keep one careless or hostile mapping from taking the gateway's stack, memory or cores.
 * Immutable.
 *
 * @param maxTextBytes the largest mapping text, in UTF-8 bytes
 * @param maxDepth how deeply a mapping's expressions may nest: brackets in its text, and the chain of
 *     nested expressions one record's evaluation may go down, through every function call (a mapping's
 *     functions may not call themselves, so that depth is known before any record is mapped)
 * @param maxOutputBytes the largest output a mapping may give for one record (its standard records as
 *     JSON, UTF-8); no value it builds on the way may be larger than this or twice its record
 * @param recordTimeBudget how long a mapping may work on one record, in processor time (a busy
 *     machine or a garbage collection does not spend it); a record whose mapping runs over it is
 *     rejected with that reason, and the work stops
 */
public record MappingLimits(int maxTextBytes, int maxDepth, int maxOutputBytes, Duration recordTimeBudget) {

    /** The limits when none are given: ample for the mappings shipped (the largest is under 4 KB and 20 deep). */
    public static final MappingLimits DEFAULTS = new MappingLimits(64 * 1024, 200, 1024 * 1024, Duration.ofSeconds(1));

    public MappingLimits {
        Objects.requireNonNull(recordTimeBudget, "recordTimeBudget");
        if (maxTextBytes < 1) {
            throw new IllegalArgumentException("max-text-bytes must be at least 1, not " + maxTextBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max-depth must be at least 1, not " + maxDepth);
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("max-output-bytes must be at least 1, not " + maxOutputBytes);
        }
        if (recordTimeBudget.isNegative() || recordTimeBudget.isZero()) {
            throw new IllegalArgumentException("record-time-budget must be longer than zero, not " + recordTimeBudget);
        }
    }

    /** These limits with another time budget per record. */
    public MappingLimits withRecordTimeBudget(Duration budget) {
        return new MappingLimits(maxTextBytes, maxDepth, maxOutputBytes, budget);
    }

    /** The time budget as an operator wrote it: {@code 200 ms}, {@code 1 s}. */
    String budgetText() {
        long millis = recordTimeBudget.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
