package dev.subsidy.runtime.assembly;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A push connector's trace assembly, as its definition asks for it:
 *
 * <pre>
 * assembly:
 *   events: /data              # JSON Pointer to a fragment's list of events; a fragment without it is one event
 *   waybill: /billCode         # JSON Pointer to the waybill number: in the fragment, else in its first event
 *   carrier: /lastResult/com   # optional: the carrier, for pushes carrying several carriers' waybills
 *   incomplete:                # optional: a mapping rejection containing the phrase means "wait for more"
 *     no destination yet: a scan with a destination
 *     no collection: the collection scan
 * </pre>
 *
 * <p>Every fragment (one source record of the connector: one waybill's part of a push) is kept by
 * connector, carrier, waybill and event, and the mapping is handed all the events ever received for
 * the waybill, in the fragment's own shape. Nothing here knows a carrier. Immutable.
 *
 * @param events where a fragment's events are
 * @param waybill where the waybill number is
 * @param carrier where the carrier is, or null when the connector's waybills are all of one carrier
 * @param incomplete phrases of the mapping's rejections that mean the trace is not complete yet, each
 *     with what it waits for; {@link #DEFAULT_INCOMPLETE} when the definition gives none
 */
public record TraceAssembly(JsonPointer events, JsonPointer waybill, JsonPointer carrier, Map<String, String> incomplete) {

    /** The trace mappings' words (mappings/*-trace-push.jslt) for a trace that is not complete yet. */
    public static final Map<String, String> DEFAULT_INCOMPLETE;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("no destination yet", "a scan with a destination");
        m.put("no collection", "the collection scan");
        DEFAULT_INCOMPLETE = Collections.unmodifiableMap(m);
    }

    public TraceAssembly {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(waybill, "waybill");
        incomplete = Collections.unmodifiableMap(new LinkedHashMap<>(
                incomplete == null || incomplete.isEmpty() ? DEFAULT_INCOMPLETE : incomplete));
    }

    /** What the trace waits for when the mapping rejected it for this reason; empty for a real rejection. */
    public Optional<String> waitingFor(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return incomplete.entrySet().stream()
                .filter(e -> r.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
