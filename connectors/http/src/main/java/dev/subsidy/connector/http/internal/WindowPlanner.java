package dev.subsidy.connector.http.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the next time window from the committed cursor.
 *
 * <p>The cursor ({@code synced_until} in the checkpoint) is the end of the last window whose every
 * page was read and committed. The next window starts at that <em>same</em> cursor minus the
 * lookback (so records the partner indexes late are read again, never lost), and ends at most
 * {@code window_max} after its start and never after "now" minus the delay. The very first window
 * starts at {@code window_start_at}, without lookback. Airbyte's loss came from applying the lookback
 * to another value than the committed cursor; here there is only one.
 *
 * <p>Bounds are whole seconds, so one window's end and the next one's start are written the same way.
 * Stateless apart from its settings; thread-safe.
 */
final class WindowPlanner {

    private final WindowSpec spec;

    WindowPlanner(WindowSpec spec) {
        this.spec = spec;
    }

    /**
     * The window after this cursor, or empty when "now" has not moved past it (nothing new yet).
     *
     * @param syncedUntil the committed cursor, or empty before the first window completed
     */
    Optional<Window> next(Optional<Instant> syncedUntil, Instant now) {
        Instant cursor = syncedUntil.orElse(spec.startAt());
        Instant horizon = horizon(now);
        if (!horizon.isAfter(cursor)) {
            return Optional.empty();
        }
        Instant start = syncedUntil.isPresent() ? cursor.minus(spec.lookback()) : cursor;
        Instant end = start.plus(spec.max());
        // validation keeps the lookback below window_max, so end > cursor: every window moves the cursor on
        return Optional.of(new Window(start, end.isAfter(horizon) ? horizon : end));
    }

    /** Whether a window after this cursor is already available. */
    boolean hasMoreAfter(Instant syncedUntil, Instant now) {
        return horizon(now).isAfter(syncedUntil);
    }

    /** The latest instant a window may end at. */
    private Instant horizon(Instant now) {
        return now.minus(spec.delay()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The window's bounds as request parameters. */
    Map<String, Object> params(Window window) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(spec.startParam(), spec.format().format(window.start()));
        p.put(spec.endParam(), spec.format().format(window.end()));
        return p;
    }
}
