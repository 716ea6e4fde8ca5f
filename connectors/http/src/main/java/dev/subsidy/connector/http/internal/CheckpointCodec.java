package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link Position} as a checkpoint and reads it back: {@code synced_until},
 * {@code window_start}, {@code window_end} (ISO instants), and one of {@code page}, {@code offset},
 * {@code cursor}, with {@code skip} when items of that page were already delivered. Nothing else, and
 * nothing secret.
 *
 * <p>A checkpoint that does not fit the instance's settings (written under another pagination, or
 * edited by hand into nonsense) is refused with {@link Reason#CONFIGURATION} rather than guessed at:
 * a guess could skip or repeat a window. Stateless apart from its settings; thread-safe.
 */
final class CheckpointCodec {

    static final String SYNCED_UNTIL = "synced_until";
    static final String WINDOW_START = "window_start";
    static final String WINDOW_END = "window_end";
    static final String PAGE = "page";
    static final String OFFSET = "offset";
    static final String CURSOR = "cursor";
    static final String SKIP = "skip";

    private static final Set<String> KEYS = Set.of(SYNCED_UNTIL, WINDOW_START, WINDOW_END, PAGE, OFFSET, CURSOR, SKIP);

    private final PagingSpec.Mode mode;
    private final boolean windows;

    CheckpointCodec(PagingSpec.Mode mode, boolean windows) {
        this.mode = mode;
        this.windows = windows;
    }

    Position decode(Checkpoint checkpoint) throws ConnectorException {
        Map<String, String> m = checkpoint.asMap();
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw refused("unknown key '" + key + "'");
            }
        }
        if (!windows && (m.containsKey(SYNCED_UNTIL) || m.containsKey(WINDOW_START) || m.containsKey(WINDOW_END))) {
            throw refused("it has time windows, but window_start_param is not set");
        }
        Optional<Instant> synced = instant(m, SYNCED_UNTIL);
        Optional<Instant> start = instant(m, WINDOW_START);
        Optional<Instant> end = instant(m, WINDOW_END);
        if (start.isPresent() != end.isPresent()) {
            throw refused("window_start and window_end go together");
        }
        Optional<Window> window;
        try {
            window = start.map(s -> new Window(s, end.get()));
        } catch (IllegalArgumentException e) {
            throw refused("its window ends before it starts");
        }
        String pagingKey = switch (mode) {
            case NONE -> null;
            case PAGE_NUMBER -> PAGE;
            case OFFSET -> OFFSET;
            case CURSOR -> CURSOR;
        };
        for (String key : Set.of(PAGE, OFFSET, CURSOR)) {
            if (m.containsKey(key) && !key.equals(pagingKey)) {
                throw refused("it holds '" + key + "', but pagination is " + mode.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        long skip = count(m, SKIP).orElse(0L);
        Optional<PageState> paging = switch (mode) {
            case NONE -> m.containsKey(SKIP) ? Optional.of(PageState.skip(skip)) : Optional.empty();
            case PAGE_NUMBER -> count(m, PAGE).map(p -> PageState.page(p, skip));
            case OFFSET -> count(m, OFFSET).map(PageState::offset);
            case CURSOR -> m.containsKey(CURSOR) || m.containsKey(SKIP)
                    ? Optional.of(PageState.cursor(m.get(CURSOR), skip)) : Optional.empty();
        };
        if (windows && paging.isPresent() && window.isEmpty()) {
            throw refused("it names a page but no window");
        }
        return new Position(synced, window, paging);
    }

    /**
     * The checkpoint of a position.
     *
     * @throws ConnectorException with {@link Reason#BAD_PAYLOAD} when the partner's cursor is too long
     *     for a checkpoint
     */
    Checkpoint encode(Position position) throws ConnectorException {
        Map<String, String> m = new LinkedHashMap<>();
        position.syncedUntil().ifPresent(t -> m.put(SYNCED_UNTIL, t.toString()));
        position.window().ifPresent(w -> {
            m.put(WINDOW_START, w.start().toString());
            m.put(WINDOW_END, w.end().toString());
        });
        position.paging().ifPresent(p -> {
            if (p.page() != null) {
                m.put(PAGE, Long.toString(p.page()));
            }
            if (p.offset() != null) {
                m.put(OFFSET, Long.toString(p.offset()));
            }
            if (p.cursor() != null) {
                m.put(CURSOR, p.cursor());
            }
            if (p.skip() > 0) {
                m.put(SKIP, Long.toString(p.skip()));
            }
        });
        try {
            return Checkpoint.of(m);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, "the partner's cursor does not fit in a checkpoint: " + e.getMessage());
        }
    }

    private static Optional<Instant> instant(Map<String, String> m, String key) throws ConnectorException {
        String v = m.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw refused(key + " is not an ISO instant: '" + v + "'");
        }
    }

    private static Optional<Long> count(Map<String, String> m, String key) throws ConnectorException {
        String v = m.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw refused(key + " is not a count: '" + v + "'");
        }
    }

    private static ConnectorException refused(String why) {
        return new ConnectorException(Reason.CONFIGURATION,
                "checkpoint does not fit this connector's settings: " + why + " (reset the checkpoint after changing paging or windows)");
    }
}
