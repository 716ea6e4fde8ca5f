package dev.subsidy.connector.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a pull connector stands in its source: an opaque, small map of strings such as
 * {@code window_end=2026-03-01T10:30:00+08:00}, {@code page=3} or {@code cursor=eyJpZCI6...}.
 *
 * <p>Only the connector that produced a checkpoint interprets it; the gateway stores it verbatim,
 * in the same transaction as the records of the batch it came with, and hands it back to the next
 * {@link PullConnector#poll(Checkpoint)}. It must therefore say everything the connector needs to
 * resume, and nothing secret (no tokens, no signatures).
 *
 * <p>Immutable and thread-safe. Keys are ordered, so two checkpoints with the same entries are
 * {@linkplain #equals(Object) equal} and print the same. Limits keep it small:
 * at most {@value #MAX_ENTRIES} entries, keys of at most {@value #MAX_KEY_LENGTH} characters, and
 * at most {@value #MAX_TOTAL_CHARS} characters of keys and values together.
 */
public final class Checkpoint {

    /** Most entries a checkpoint may have. */
    public static final int MAX_ENTRIES = 32;
    /** Longest key. */
    public static final int MAX_KEY_LENGTH = 64;
    /** Most characters of all keys and values together. */
    public static final int MAX_TOTAL_CHARS = 4096;

    /** No position yet: the first poll of a new connector. */
    public static final Checkpoint NONE = new Checkpoint(new TreeMap<>());

    private final Map<String, String> entries;

    private Checkpoint(TreeMap<String, String> entries) {
        check(entries);
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A checkpoint with these entries (copied). */
    public static Checkpoint of(Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        return entries.isEmpty() ? NONE : new Checkpoint(new TreeMap<>(entries));
    }

    /** A checkpoint with one entry. */
    public static Checkpoint of(String key, String value) {
        return NONE.with(key, value);
    }

    /** A copy with one entry set (replacing any previous value of the key). */
    public Checkpoint with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(entries);
        copy.put(key, value);
        return new Checkpoint(copy);
    }

    /** A copy without the given key. */
    public Checkpoint without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        TreeMap<String, String> copy = new TreeMap<>(entries);
        copy.remove(key);
        return copy.isEmpty() ? NONE : new Checkpoint(copy);
    }

    /** The value of a key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** All entries, ordered by key, unmodifiable. */
    public Map<String, String> asMap() {
        return entries;
    }

    /** Whether this is {@link #NONE} (no entries). */
    public boolean isNone() {
        return entries.isEmpty();
    }

    private static void check(Map<String, String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a checkpoint has at most " + MAX_ENTRIES + " entries, not " + entries.size());
        }
        int total = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String k = e.getKey();
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("a checkpoint key must not be blank");
            }
            if (k.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("checkpoint key longer than " + MAX_KEY_LENGTH + " characters: " + k.substring(0, 16) + "…");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("checkpoint value of '" + k + "' must not be null");
            }
            total += k.length() + e.getValue().length();
        }
        if (total > MAX_TOTAL_CHARS) {
            throw new IllegalArgumentException("a checkpoint holds at most " + MAX_TOTAL_CHARS + " characters, not " + total);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && entries.equals(c.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Checkpoint" + entries;
    }
}
