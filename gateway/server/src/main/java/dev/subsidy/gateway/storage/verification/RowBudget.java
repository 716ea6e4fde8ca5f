package dev.subsidy.gateway.storage.verification;

import dev.subsidy.gateway.storage.records.RowReader;
import dev.subsidy.verification.TooManyRecordsException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows a close's read may take, shared by the threads it reads on. Each stream takes its rows in grants (one
 * shared counter touched per row by two threads would cost more than the check): a grant is a 64th of the limit,
 * at most {@link #MOST}, so a read of several streams, each holding one grant it may not use up, is stopped at
 * most a few hundredths before the limit and never after it; a small limit is kept to the row.
 */
final class RowBudget {

    static final RowBudget UNLIMITED = new RowBudget(Long.MAX_VALUE);
    private static final int MOST = 1024;

    private final long limit;
    private final int grant;
    private final AtomicLong granted = new AtomicLong();

    RowBudget(long limit) {
        this.limit = Math.max(0, limit);
        this.grant = (int) Math.max(1, Math.min(MOST, this.limit / 64));
    }

    /** {@code each}, past the limit failing with {@link TooManyRecordsException} instead. */
    RowReader.Handler counting(RowReader.Handler each) {
        int[] left = {0};
        return row -> {
            if (left[0] == 0) {
                left[0] = grant();
            }
            left[0]--;
            each.row(row);
        };
    }

    /** The next rows a stream may read: a grant, fewer near the limit. */
    private int grant() {
        long before = granted.getAndAdd(grant);
        long left = limit - before;
        if (left <= 0) {
            throw new TooManyRecordsException(limit);
        }
        return (int) Math.min(grant, left);
    }
}
