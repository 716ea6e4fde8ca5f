package dev.subsidy.gateway.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.gateway.web.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the body of {@code PUT /api/v1/connectors/{id}/checkpoint}: {@code {"value": {"key": "text", …}}},
 * the entries as the connector view's {@code checkpoint} shows them, so what an operator reads can be
 * edited and sent back. Anything else is refused with what was expected.
 */
final class CheckpointBody {

    static final String SHAPE = "the body is {\"value\": {...}} with the checkpoint's entries as text, "
            + "as GET /api/v1/connectors/{id} shows them in \"checkpoint\"";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckpointBody() {
    }

    static Map<String, String> entries(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not JSON (" + e.getOriginalMessage() + "); " + SHAPE);
        }
        if (root == null || !root.isObject() || !root.has("value") || root.size() != 1) {
            throw new BadRequestException(SHAPE);
        }
        JsonNode value = root.get("value");
        if (!value.isObject()) {
            throw new BadRequestException("\"value\" is " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object; " + SHAPE);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!e.getValue().isTextual()) {
                throw new BadRequestException("checkpoint entry '" + e.getKey() + "' must be text, not "
                        + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " (write \"3\", not 3)");
            }
            entries.put(e.getKey(), e.getValue().textValue());
        }
        return entries;
    }
}
