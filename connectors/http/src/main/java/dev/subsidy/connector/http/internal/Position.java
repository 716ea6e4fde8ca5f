package dev.subsidy.connector.http.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an instance stands, decoded from its checkpoint. Immutable.
 *
 * @param syncedUntil with time windows: the end of the last window read completely (the cursor the
 *     next window's lookback applies to); empty before the first window completes
 * @param window with time windows: the window being read, when one is half read
 * @param paging the page to read next in that window (or in the list, without windows); empty when a
 *     new window or list starts
 */
record Position(Optional<Instant> syncedUntil, Optional<Window> window, Optional<PageState> paging) {

    static final Position START = new Position(Optional.empty(), Optional.empty(), Optional.empty());
}
