package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import dev.subsidy.connector.api.ConnectorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Incremental time windows. Immutable.
 *
 * @param startParam parameter of a window's start
 * @param endParam parameter of a window's end
 * @param format how bounds are written
 * @param startAt start of the very first window
 * @param max longest window, lookback included
 * @param lookback how far before the committed cursor a window starts
 * @param delay how far behind now a window must end
 */
record WindowSpec(String startParam, String endParam, TimeFormat format, Instant startAt,
                  Duration max, Duration lookback, Duration delay) {

    /** The windows of an instance, or empty when {@code window_start_param} is not set. */
    static Optional<WindowSpec> from(ConnectorConfig c) {
        return c.find(WINDOW_START_PARAM).map(start -> new WindowSpec(start.trim(), c.getString(WINDOW_END_PARAM).trim(),
                TimeFormat.of(c.getString(WINDOW_TIME_FORMAT)),
                OffsetDateTime.parse(c.getString(WINDOW_START_AT).trim()).toInstant(),
                c.getDuration(WINDOW_MAX), c.getDuration(WINDOW_LOOKBACK), c.getDuration(WINDOW_DELAY)));
    }
}
