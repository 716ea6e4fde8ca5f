package dev.subsidy.runtime.assembly;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pure part of trace assembly: what a fragment holds (its waybill, carrier, events and
 * envelope), an event's identity, and the merged fragment the mapping is given. Stateless.
 */
public final class TraceMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TraceMerge() {}

    /**
     * One waybill's part of a push.
     *
     * @param carrier the carrier as the fragment names it, or "" when the assembly has no carrier pointer
     * @param waybill the waybill number, never blank
     * @param envelope the fragment around its events list, or null when the fragment is a single event
     * @param events its events, in the fragment's order
     */
    public record Fragment(String carrier, String waybill, ObjectNode envelope, List<JsonNode> events) {}

    /**
     * The fragment's parts, or empty when it cannot be assembled (not an object, no waybill number,
     * an events field that is not a list): such a fragment is mapped as it came, and nothing is kept.
     */
    public static Optional<Fragment> read(TraceAssembly assembly, JsonNode fragment) {
        if (fragment == null || !fragment.isObject()) {
            return Optional.empty();
        }
        JsonNode list = fragment.at(assembly.events());
        List<JsonNode> events = new ArrayList<>();
        ObjectNode envelope = null;
        if (list.isMissingNode()) {
            events.add(fragment);
        } else if (list.isArray()) {
            list.forEach(events::add);
            envelope = (ObjectNode) fragment;
        } else {
            return Optional.empty();
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        String waybill = text(fragment, events.get(0), assembly.waybill());
        // every event must be this waybill's when the number is in the events
        for (JsonNode event : events) {
            JsonNode own = event.at(assembly.waybill());
            if (!own.isMissingNode() && !own.isNull() && !own.asText().strip().equals(waybill)) {
                return Optional.empty();
            }
        }
        if (waybill.isEmpty()) {
            return Optional.empty();
        }
        String carrier = assembly.carrier() == null ? "" : text(fragment, events.get(0), assembly.carrier());
        return Optional.of(new Fragment(carrier, waybill, envelope, events));
    }

    /** The value at {@code pointer} in the fragment, else in its first event; "" when neither has one. */
    private static String text(JsonNode fragment, JsonNode first, JsonPointer pointer) {
        JsonNode v = fragment.at(pointer);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            v = first.at(pointer);
        }
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? "" : v.asText().strip();
    }

    /** An event's identity: SHA-256 of its JSON with every object's fields sorted, so field order never matters. */
    public static String hash(JsonNode event) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(event).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            ObjectNode out = NODES.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(canonical(item)));
            return out;
        }
        return node;
    }

    /** The events of both lists, each identity once, stored ones first (in their order), then the new ones. */
    public static List<JsonNode> union(List<JsonNode> stored, List<JsonNode> incoming) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (JsonNode e : stored) {
            all.putIfAbsent(hash(e), e);
        }
        for (JsonNode e : incoming) {
            all.putIfAbsent(hash(e), e);
        }
        return List.copyOf(all.values());
    }

    /**
     * The fragment the mapping is given: the envelope (the latest fragment's, or none when it was a
     * single event) with its events list replaced by {@code events}; without an envelope, an object
     * holding only the list at the events pointer ({@code /data} gives {@code {"data": [...]}}).
     */
    public static ObjectNode merged(TraceAssembly assembly, ObjectNode envelope, List<JsonNode> events) {
        ObjectNode root = envelope == null ? NODES.objectNode() : envelope.deepCopy();
        ArrayNode list = NODES.arrayNode();
        events.forEach(e -> list.add(e.deepCopy()));
        JsonPointer pointer = assembly.events();
        if (pointer.matches()) {
            throw new IllegalArgumentException("the events pointer must name a field, not the whole fragment");
        }
        ObjectNode parent = root;
        for (JsonPointer p = pointer; !p.tail().matches(); p = p.tail()) {
            String field = p.getMatchingProperty();
            JsonNode next = parent.get(field);
            if (!(next instanceof ObjectNode)) {
                next = parent.putObject(field);
            }
            parent = (ObjectNode) next;
        }
        parent.set(pointer.last().getMatchingProperty(), list);
        return root;
    }
}
