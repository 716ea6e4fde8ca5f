package dev.subsidy.runtime.pull;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a failing connector waits before its next attempt: exponential from
 * {@code gateway.connectors.initial-backoff}, doubling per consecutive failure up to
 * {@code max-backoff}, each delay spread ±50 % so that connectors failing together (one partner
 * down) do not retry together. A partner's {@code Retry-After} is honoured when it asks for longer.
 * There is no limit on attempts: the delay only stops growing. Immutable and thread-safe.
 */
public final class ConnectorBackoff {

    static final double MULTIPLIER = 2.0;
    static final double RANDOMIZATION = 0.5;
    private static final int EXPONENT_CAP = 40;

    private final IntervalFunction intervals;
    private final long maxMillis;

    public ConnectorBackoff(Duration initial, Duration max) {
        if (initial.compareTo(max) > 0) {
            throw new IllegalArgumentException("initial backoff " + initial + " exceeds max backoff " + max);
        }
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(initial, MULTIPLIER, RANDOMIZATION, max);
        this.maxMillis = max.toMillis();
    }

    /**
     * @param failures consecutive failures, the last one included (1 after the first)
     * @param retryAfter what the partner asked for, if it did
     */
    public Duration after(int failures, Optional<Duration> retryAfter) {
        int n = Math.min(Math.max(1, failures), EXPONENT_CAP);
        Duration backoff = Duration.ofMillis(Math.min(intervals.apply(n), maxMillis));
        return retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
    }
}
