package dev.subsidy.gateway.period;

import dev.subsidy.model.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a period's records fit in the heap a close holds them in. The close reads every record of a
 * period at once (docs/operations.md "Database"): one too large for the heap used to fail after minutes
 * with {@code OutOfMemoryError} — a 500 for its caller and failures for every request beside it. Now its
 * read stops at the {@link #records} that fit and it is refused, rolled back, with what it needs.
 */
final class CloseCapacity {

    /** Heap the gateway itself needs beside a close: Spring, Camel, caches, the requests of the moment. */
    static final long BASELINE_BYTES = 150L << 20;

    private CloseCapacity() {}

    /** What to say when a close ran out of heap all the same (the estimate is per record; data vary). */
    static String exhausted(Period period, long maxHeap) {
        return String.format(Locale.ROOT, "period %s did not fit in this gateway's heap (-Xmx%dm) and was not "
                + "closed; nothing was changed: start the gateway with a larger -Xmx, or raise "
                + "gateway.close.bytes-per-record so that such a period is refused before it runs out", period,
                maxHeap >> 20);
    }

    /** How many records a close may read in {@code maxHeap}: none when the gateway itself needs it all. */
    static long records(long bytesPerRecord, long maxHeap) {
        return Math.max(0, (maxHeap - BASELINE_BYTES) / bytesPerRecord);
    }

    /** Why the close cannot run, or empty when {@code records} fit. */
    static Optional<String> refusal(Period period, long records, long bytesPerRecord, long maxHeap) {
        long needed = records * bytesPerRecord;
        long available = maxHeap - BASELINE_BYTES;
        if (needed <= available) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "period %s holds %,d records; closing it needs about %,d MiB of heap and this gateway can give it "
                        + "%,d MiB (-Xmx%dm): start the gateway with a larger -Xmx (about %,d MiB), or lower "
                        + "gateway.close.bytes-per-record only if measured lower; nothing was changed", period,
                records, needed >> 20, Math.max(0, available) >> 20, maxHeap >> 20,
                (needed + BASELINE_BYTES + (64L << 20)) >> 20));
    }
}
