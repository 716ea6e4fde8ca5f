package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape check of a mapping's output: an object (one record) or an array of objects (any number,
 * none included). The standard fields themselves are the intake's to check, not the mapping
 * engine's. Immutable.
 *
 * @param records the records when the shape is right, else empty
 * @param problem why the output is not records, or {@code null} when it is
 */
record MappingOutput(List<ObjectNode> records, String problem) {

    static MappingOutput of(JsonNode output) {
        if (output == null || output.isNull() || output.isMissingNode()) {
            return wrong("the mapping gave null: it must give an object or an array of objects");
        }
        if (output.isObject()) {
            return new MappingOutput(List.of((ObjectNode) output), null);
        }
        if (!output.isArray()) {
            return wrong("the mapping gave " + typeOf(output) + ", not an object or an array of objects");
        }
        List<ObjectNode> records = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            JsonNode item = output.get(i);
            if (!item.isObject()) {
                return wrong("item " + i + " of the mapping's output is " + typeOf(item) + ", not an object");
            }
            records.add((ObjectNode) item);
        }
        return new MappingOutput(records, null);
    }

    private static MappingOutput wrong(String problem) {
        return new MappingOutput(List.of(), problem);
    }

    private static String typeOf(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
