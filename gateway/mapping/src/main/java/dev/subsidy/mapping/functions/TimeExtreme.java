package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code earliest(items[, key])} and {@code latest(items[, key])}: the item with the earliest (or
 * latest) ISO-8601 time, compared as instants. Without a key the items are the times themselves;
 * with a key they are objects and the time is their {@code key} field. Items without a time are
 * skipped; {@code null} when none has one. Ties go to the first item in array order.
 *
 * <p>Trace events arrive in any order (SF's routes, ZTO's pushes), so "the collection scan" must be
 * picked by time, not by position.
 */
final class TimeExtreme extends SimpleFunction {

    private final boolean earliest;

    private TimeExtreme(String name, boolean earliest) {
        super(name, 1, 2);
        this.earliest = earliest;
    }

    static TimeExtreme earliest() {
        return new TimeExtreme("earliest", true);
    }

    static TimeExtreme latest() {
        return new TimeExtreme("latest", false);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode items = arguments[0];
        if (items == null || items.isNull() || items.isMissingNode()) {
            return NullNode.instance;
        }
        if (!items.isArray()) {
            throw refuse(items, "is not an array");
        }
        String key = arguments.length > 1 && !absent(arguments[1]) ? arguments[1].asText() : null;
        JsonNode best = NullNode.instance;
        Instant bestTime = null;
        for (JsonNode item : items) {
            JsonNode time = key == null ? item : item.get(key);
            if (absent(time)) {
                continue;
            }
            Instant at = instant(time);
            if (bestTime == null || (earliest ? at.isBefore(bestTime) : at.isAfter(bestTime))) {
                best = item;
                bestTime = at;
            }
        }
        return best;
    }

    private Instant instant(JsonNode time) {
        try {
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw refuse(time, "is not an ISO-8601 time with an offset (convert it with china-time-to-iso first)");
        }
    }
}
