package dev.subsidy.simulators.markets;

import java.time.Instant;

/**
 * A platform's call limit per app: so many calls per second of the test clock, beyond which the
 * simulator answers with the platform's limit error. Thread-safe (WireMock answers on several threads).
 */
final class CallLimit {

    private final int perSecond;
    private long second = Long.MIN_VALUE;
    private int calls;

    private CallLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    /** No limit. */
    static CallLimit none() {
        return new CallLimit(0);
    }

    static CallLimit perSecond(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("at least one call a second");
        }
        return new CallLimit(calls);
    }

    /** Whether a call at this instant is within the limit; counts it. */
    synchronized boolean allows(Instant now) {
        if (perSecond == 0) {
            return true;
        }
        long s = now.getEpochSecond();
        if (s != second) {
            second = s;
            calls = 0;
        }
        return ++calls <= perSecond;
    }
}
