package dev.subsidy.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.UnreadableBodyException;
import java.util.ArrayList;
import java.util.List;

/**
 * An administrator's upload as a JSON array of objects (registry subjects, count reports): each element
 * one entry, an element that is not an object rejected on its own; a body that is not a JSON array is
 * unreadable as a whole (400).
 */
public final class JsonArrayBody {

    private JsonArrayBody() {
    }

    /**
     * @param what what the entries are, for the message of a body that is not an array ("subjects")
     */
    public static List<BodyRecord> entries(String text, ObjectMapper json, String what) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ArrayNode array)) {
            throw new UnreadableBodyException("body must be a JSON array of " + what);
        }
        List<BodyRecord> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            out.add(node instanceof ObjectNode o ? BodyRecord.of(i, o, null)
                    : BodyRecord.unreadable(i, node.toString(), "entry is not a JSON object"));
        }
        return out;
    }
}
