package dev.subsidy.policy.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a tree plus the line of every key. Jackson's tree forgets locations, so a first
 * streaming pass records, for every JSON Pointer, where its token starts.
 */
final class YamlSource {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 1.50 stays exactly 1.50
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    final JsonNode tree;
    final Map<String, JsonLocation> locations;

    private YamlSource(JsonNode tree, Map<String, JsonLocation> locations) {
        this.tree = tree;
        this.locations = locations;
    }

    /** @throws JsonProcessingException when the text is not YAML (the exception carries the location) */
    static YamlSource read(String yaml) throws JsonProcessingException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(yaml)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                locations.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode tree = MAPPER.readTree(yaml);
        return new YamlSource(tree, locations);
    }
}
