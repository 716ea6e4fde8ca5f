package dev.subsidy.connector.partners.carriers.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a carrier's push into one record per waybill, so that a mapping's rejection of one waybill
 * (say, one that has only its collection scan so far) spares the others of the same push. Each record
 * keeps the push's own shape, holding only that waybill's events, so the carrier's mapping reads a
 * record as it reads a whole push. Stateless and thread-safe.
 */
abstract class PushSplitter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The records of one parsed push. */
    abstract List<SourceRecord> split(JsonNode push);

    /** The whole push is one record (a push of one waybill: kuaidi100, STO, Cainiao, Yunda, YTO, JD). */
    static PushSplitter whole(String keyField) {
        return new PushSplitter() {
            @Override
            List<SourceRecord> split(JsonNode push) {
                JsonNode root = push.has("lastResult") ? push.get("lastResult") : push;
                String key = root.path(keyField).asText("");
                return List.of(SourceRecord.json(key.isEmpty() ? "push" : "push, waybill " + key, write(push)));
            }
        };
    }

    /** A list of per-waybill items (J&amp;T: the push's list, at the top or under {@code data}). */
    static PushSplitter items(String keyField) {
        return new PushSplitter() {
            @Override
            List<SourceRecord> split(JsonNode push) {
                JsonNode items = push.isArray() ? push : push.path("data").isArray() ? push.get("data") : null;
                if (items == null) {
                    return whole(keyField).split(push);
                }
                List<SourceRecord> records = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    records.add(item.isObject()
                            ? SourceRecord.json("push, waybill " + item.path(keyField).asText("item " + (i + 1)), write(item))
                            : SourceRecord.unreadable("push, item " + (i + 1), "not an object", item.toString()));
                }
                return records;
            }
        };
    }

    /**
     * Events of several waybills in one list (ZTO's {@code data}, SF's {@code Body.WaybillRoute}): one
     * record per waybill, in the order first seen, with the list replaced by that waybill's events.
     * An event without the key field stays in a record of its own, for the mapping to reject.
     *
     * @param path the list's field names from the root, e.g. {@code Body, WaybillRoute}; the first
     *     path found that holds a list is used, else the push is one event
     */
    static PushSplitter events(String keyField, List<List<String>> paths) {
        return new PushSplitter() {
            @Override
            List<SourceRecord> split(JsonNode push) {
                for (List<String> path : paths) {
                    JsonNode list = push;
                    for (String field : path) {
                        list = list.path(field);
                    }
                    if (list.isArray() && push.isObject()) {
                        return byKey((ObjectNode) push, path, (ArrayNode) list);
                    }
                }
                return whole(keyField).split(push);
            }

            private List<SourceRecord> byKey(ObjectNode push, List<String> path, ArrayNode list) {
                Map<String, ArrayNode> groups = new LinkedHashMap<>();
                int unnamed = 0;
                for (JsonNode event : list) {
                    String key = event.path(keyField).asText("");
                    String group = key.isEmpty() ? "\u0000" + (unnamed++) : key;
                    groups.computeIfAbsent(group, k -> JSON.createArrayNode()).add(event);
                }
                List<SourceRecord> records = new ArrayList<>();
                groups.forEach((key, events) -> {
                    ObjectNode copy = push.deepCopy();
                    ObjectNode parent = copy;
                    for (String field : path.subList(0, path.size() - 1)) {
                        parent = (ObjectNode) parent.get(field);
                    }
                    parent.set(path.get(path.size() - 1), events);
                    String position = key.startsWith("\u0000") ? "push, event without " + keyField : "push, waybill " + key;
                    records.add(SourceRecord.json(position, write(copy)));
                });
                return records;
            }
        };
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
