package dev.subsidy.connector.http.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * One time window asked of the partner, {@code [start, end]} as the partner reads it. Immutable.
 *
 * @param start the window's start (the committed cursor minus the lookback)
 * @param end the window's end, never after "now"
 */
record Window(Instant start, Instant end) {

    Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts: " + start + " / " + end);
        }
    }

    /** {@code window 2026-03-01T00:00:00Z/2026-03-01T04:00:00Z}, for record positions. */
    String label() {
        return "window " + start + "/" + end;
    }
}
