package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code region-code(place)}: a place name as carriers' scans write it ({@code 广州市},
 * {@code 广东省广州市天河区}) to its six-digit division code; null when the text names no place
 * unambiguously, so the mapping decides what a missing destination means.
 */
final class RegionCode extends SimpleFunction {

    RegionCode() {
        super("region-code", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        if (absent(arguments[0])) {
            return NullNode.instance;
        }
        String code = RegionNames.table().code(arguments[0].asText());
        return code == null ? NullNode.instance : TextNode.valueOf(code);
    }
}
