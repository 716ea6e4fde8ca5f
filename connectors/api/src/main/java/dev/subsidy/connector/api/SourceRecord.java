package dev.subsidy.connector.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record as the source gave it, before any mapping, with where it came from.
 *
 * <p>The {@linkplain #position() position} says where the record sits in the source, in words an
 * operator can follow: {@code "page 3, item 17"}, {@code "row 12"}, {@code "sheet 运单, row 40"},
 * {@code "data[4]"}. It must be stable (the same source yields the same positions), because a mapping
 * error or a rejected record is reported with it.
 *
 * <p>Three shapes, all immutable:
 * <ul>
 *   <li>{@link Json}: the record as JSON text (an object), exactly as received or re-serialised;</li>
 *   <li>{@link Fields}: the record as a map, for sources that are not JSON (CSV and XLSX rows: column
 *       header to cell text);</li>
 *   <li>{@link Unreadable}: an item the connector could not read at all; the gateway rejects it with
 *       its reason and position and goes on with the others.</li>
 * </ul>
 */
public sealed interface SourceRecord permits SourceRecord.Json, SourceRecord.Fields, SourceRecord.Unreadable {

    /** Where the record sits in its source; never blank. */
    String position();

    /** A record given as JSON text. */
    static Json json(String position, String json) {
        return new Json(position, json);
    }

    /** A record given as a map of field names to values (strings, numbers, booleans, lists, maps or null). */
    static Fields fields(String position, Map<String, ?> fields) {
        return new Fields(position, new LinkedHashMap<String, Object>(Objects.requireNonNull(fields, "fields")));
    }

    /** An item that could not be read, with the reason and (a short excerpt of) the raw text. */
    static Unreadable unreadable(String position, String reason, String raw) {
        return new Unreadable(position, reason, raw);
    }

    /**
     * A record as JSON text.
     *
     * @param position where it sits in the source
     * @param json a JSON object, as text
     */
    record Json(String position, String json) implements SourceRecord {
        public Json {
            requirePosition(position);
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * A record as a map; iteration order is kept (it is the source's column order).
     *
     * @param position where it sits in the source
     * @param fields field names to values; values may be {@code null}
     */
    record Fields(String position, Map<String, Object> fields) implements SourceRecord {
        public Fields {
            requirePosition(position);
            Objects.requireNonNull(fields, "fields");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * An item the connector could not read.
     *
     * @param position where it sits in the source
     * @param reason why it could not be read, for the operator
     * @param raw the raw text or a short excerpt of it ({@code ""} when there is none); never secrets
     */
    record Unreadable(String position, String reason, String raw) implements SourceRecord {
        public Unreadable {
            requirePosition(position);
            Objects.requireNonNull(reason, "reason");
            raw = Objects.requireNonNullElse(raw, "");
        }
    }

    private static void requirePosition(String position) {
        if (position == null || position.isBlank()) {
            throw new IllegalArgumentException("a source record needs its position in the source");
        }
    }
}
