package dev.subsidy.gateway.period;

import dev.subsidy.model.Period;
import java.util.Locale;

/**
 * Whether a period's records fit in the heap a close holds them in. The close reads every record of a period at once
 * (docs/operations.md "Database"): one too large for the heap used to fail after minutes with
 * {@code OutOfMemoryError}, a 500 for its caller and failures for every request beside it. Now its read stops at the
 * {@link #records} that fit, rolls back, and the period is closed a slice at a time (docs/operations.md "Closing a
 * large period").
 */
final class CloseCapacity {

    /** Heap the gateway itself needs beside a close: Spring, Camel, caches, the requests of the moment. */
    static final long BASELINE_BYTES = 150L << 20;

    private CloseCapacity() {}

    /** What to say when a close ran out of heap all the same (the estimate is per record; data vary). */
    static String exhausted(Period period, long maxHeap) {
        return String.format(Locale.ROOT, "period %s did not fit in this gateway's heap (-Xmx%dm) and was not "
                + "closed; nothing was changed: start the gateway with a larger -Xmx (a period closed a slice at a time "
                + "still holds its orders and the keys its figures count), or raise gateway.close.bytes-per-record so "
                + "that such a period is read a slice at a time sooner", period, maxHeap >> 20);
    }

    /** How many records a close may read in {@code maxHeap}: none when the gateway itself needs it all. */
    static long records(long bytesPerRecord, long maxHeap) {
        return Math.max(0, (maxHeap - BASELINE_BYTES) / bytesPerRecord);
    }

    /**
     * What to say of a period closed a slice at a time whose orders alone are more than the heap holds: such a close
     * still holds every order the period needs (docs/operations.md "Closing a large period").
     */
    static String tooManyOrders(Period period, long limit, long maxHeap) {
        return String.format(Locale.ROOT, "period %s needs more than %,d orders (those paid in it or in the 92 days "
                + "before, and those its parcels name), and a close holds every one of them even when it reads the "
                + "parcels a slice at a time: more than this gateway's heap holds (-Xmx%dm). Nothing was changed: "
                + "start the gateway with a larger -Xmx", period, limit, maxHeap >> 20);
    }
}
