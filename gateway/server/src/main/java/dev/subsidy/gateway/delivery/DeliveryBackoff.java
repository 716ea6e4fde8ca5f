package dev.subsidy.gateway.delivery;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * Delay before resending after a passing fault: exponential from {@code gateway.award.initial-backoff}
 * doubling up to {@code max-backoff}, each delay spread ±50 % so that batches failed together do not
 * come back together. There is no limit on attempts: the delay only stops growing.
 */
final class DeliveryBackoff {

    static final double MULTIPLIER = 2.0;
    static final double RANDOMIZATION = 0.5;
    /** 2^40 × any sane initial delay is far past any maximum: the exponent stops growing here. */
    private static final int EXPONENT_CAP = 40;

    private final IntervalFunction intervals;
    private final long maxMillis;

    DeliveryBackoff(Duration initial, Duration max) {
        if (initial.compareTo(max) > 0) {
            throw new IllegalArgumentException("initial backoff " + initial + " exceeds max backoff " + max);
        }
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(initial, MULTIPLIER, RANDOMIZATION, max);
        this.maxMillis = max.toMillis();
    }

    /** @param attempt the number of sends so far, this failed one included (1 for the first failure) */
    Duration after(int attempt) {
        int n = Math.min(Math.max(1, attempt), EXPONENT_CAP);
        // the jitter may overshoot the maximum; max-backoff is a promise to operators, so keep it
        return Duration.ofMillis(Math.min(intervals.apply(n), maxMillis));
    }
}
