package dev.subsidy.connector.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a file in an inbox is complete, so that a file still being written is never picked
 * up. A file is ready only when
 * <ul>
 *   <li>its name is not one of {@link InboxFileNames}' (hidden, {@code *.part}, {@code *.tmp}, …),</li>
 *   <li>its size and modification time have not changed across this object's observations for at
 *       least the quiet period, and</li>
 *   <li>its modification time is itself at least the quiet period old.</li>
 * </ul>
 * The first look at a file therefore never finds it ready: the inbox polls, and a file becomes ready
 * one quiet period after it last changed. Neither rule alone is enough: a copy that stalls keeps its
 * size, and some tools stamp a file with an old time while they still write it.
 *
 * <p>Thread-safe: observations are kept per path in a concurrent map, and {@link #check} may be called
 * from any thread. Call {@link #forget} once a file has been moved away.
 */
public final class FileStability {

    /** What {@link #check} found. */
    public enum State {
        /** Complete: read it. */
        READY,
        /** Changed recently or seen for the first time: look again later. */
        WAITING,
        /** Never to be read (hidden, temporary, not a regular file, gone). */
        IGNORED
    }

    /**
     * The state of one file and, unless it is ready, why.
     *
     * @param state the state
     * @param reason why it is not ready, for logs; empty when ready
     */
    public record Verdict(State state, String reason) {
        public Verdict {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }

        public boolean ready() {
            return state == State.READY;
        }
    }

    private record Observation(long size, Instant modified, Instant unchangedSince) {
    }

    private final Duration quietPeriod;
    private final Clock clock;
    private final Map<Path, Observation> seen = new ConcurrentHashMap<>();

    /**
     * @param quietPeriod how long a file must stay unchanged; not negative
     * @param clock the clock observations are timed by
     */
    public FileStability(Duration quietPeriod, Clock clock) {
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("the quiet period must not be negative");
        }
        this.quietPeriod = quietPeriod;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Looks at the file now and says whether it is ready. */
    public Verdict check(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        var ignored = InboxFileNames.whyIgnored(name);
        if (ignored.isPresent()) {
            return new Verdict(State.IGNORED, ignored.get());
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            seen.remove(file);
            return new Verdict(State.IGNORED, "gone");
        } catch (IOException e) {
            return new Verdict(State.WAITING, "attributes cannot be read: " + e.getMessage());
        }
        if (!attributes.isRegularFile()) {
            return new Verdict(State.IGNORED, "not a regular file");
        }
        Instant now = clock.instant();
        long size = attributes.size();
        Instant modified = attributes.lastModifiedTime().toInstant();
        Observation current = seen.compute(file, (path, previous) ->
                previous != null && previous.size() == size && previous.modified().equals(modified)
                        ? previous
                        : new Observation(size, modified, now));
        Duration unchanged = Duration.between(current.unchangedSince(), now);
        if (unchanged.compareTo(quietPeriod) < 0) {
            return new Verdict(State.WAITING, "changed within the last " + quietPeriod.toSeconds() + " s");
        }
        if (Duration.between(modified, now).compareTo(quietPeriod) < 0) {
            return new Verdict(State.WAITING, "modified within the last " + quietPeriod.toSeconds() + " s");
        }
        return new Verdict(State.READY, "");
    }

    /** Whether the file is ready now ({@link #check} and nothing else). */
    public boolean isReady(Path file) {
        return check(file).ready();
    }

    /** Drops what is known of a file (once it has been moved to done/ or failed/). */
    public void forget(Path file) {
        seen.remove(file);
    }

    /** The quiet period. */
    public Duration quietPeriod() {
        return quietPeriod;
    }
}
