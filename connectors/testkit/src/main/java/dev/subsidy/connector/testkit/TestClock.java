package dev.subsidy.connector.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test (or a connector's {@link TestConnectorContext#sleep wait})
 * moves it, so time-dependent behaviour (windows, {@code Retry-After}, backoff) is tested without
 * real waiting.
 *
 * <p>Thread-safe: the instant is held atomically, so a connector may read it while a test advances
 * it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at this instant, in UTC. */
    public static TestClock at(Instant start) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * A clock standing at the real present, in whole seconds and UTC: for tests whose counterpart checks
     * timestamps against its own clock (a signature's freshness), and whose assertions compare seconds.
     */
    public static TestClock atPresentSecond() {
        return at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /** Moves the clock forward (a negative duration is refused: time does not run back). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a test clock only moves forward");
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Sets the clock to an instant at or after the current one. */
    public void set(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a test clock only moves forward");
            }
            return instant;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view sharing this clock's instant in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, other);
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
