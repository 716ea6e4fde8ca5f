package dev.subsidy.gateway.connectors.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The samples shipped with the built-in mappings ({@code mappings/samples/<mapping>/<case>.*.json} of the
 * repository, copied into the gateway's jar under {@code mapping-samples/}): for each case the partner's
 * record, the mapping's parameters and what the mapping must make of it. Read on each call, from the jar,
 * so nothing is held between calls. Thread-safe.
 */
@Component
class ShippedSamples {

    static final String LOCATION = "mapping-samples";
    private static final String INPUT = ".input.json";

    /** Exact decimals: a sample's amounts are shown as written, never through a double. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
    private final ResourcePatternResolver resources;

    ShippedSamples() {
        this(new PathMatchingResourcePatternResolver(ShippedSamples.class.getClassLoader()));
    }

    ShippedSamples(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    /**
     * One case ({@code case} in JSON: a Java keyword).
     *
     * @param input the partner's record
     * @param inputText the record as written in its file: a browser reading {@code input} as a JavaScript
     *     number would round a 19-digit id, the text keeps it whole
     * @param expected an array of standard records, or {@code {"rejected": "<the mapping's message>"}}
     * @param params the mapping's parameters for this case ({@code $params}), empty when it has none
     */
    record Sample(@JsonProperty("case") String name, JsonNode input, String inputText, JsonNode expected, ObjectNode params) {}

    /**
     * The cases of one mapping, by name; none for a mapping without shipped samples.
     *
     * @param mapping a mapping name of the API's form ({@code MappingLibrary.NAME}): it becomes part of a
     *     resource pattern, so no wildcard or path may reach it
     */
    List<Sample> of(String mapping) {
        Resource[] inputs;
        try {
            inputs = resources.getResources("classpath*:" + LOCATION + "/" + mapping + "/*" + INPUT);
        } catch (IOException e) {
            throw new UncheckedIOException("the samples of mapping " + mapping + " cannot be listed", e);
        }
        // by file name, the first root's copy: another jar on the class path may carry the same samples (the bench's does)
        Map<String, Resource> byFile = new TreeMap<>();
        Arrays.stream(inputs).forEach(r -> byFile.putIfAbsent(r.getFilename(), r));
        List<Sample> samples = new ArrayList<>();
        for (Resource input : byFile.values()) {
            String file = input.getFilename();
            String name = file.substring(0, file.length() - INPUT.length());
            String inputText = read(input);
            JsonNode expected = parse(mapping, name + ".expected.json", sibling(input, name + ".expected.json")
                    .map(this::read).orElse("null"));
            JsonNode params = parse(mapping, name + ".params.json", sibling(input, name + ".params.json")
                    .map(this::read).orElse("{}"));
            samples.add(new Sample(name, parse(mapping, file, inputText), inputText, expected,
                    params instanceof ObjectNode o ? o : json.createObjectNode()));
        }
        return samples;
    }

    private static Optional<Resource> sibling(Resource input, String file) {
        try {
            Resource other = input.createRelative(file);
            return other.exists() ? Optional.of(other) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + file + " cannot be found", e);
        }
    }

    private String read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + resource.getFilename() + " cannot be read", e);
        }
    }

    /** The samples are checked by the mapping module's build (MappingSamplesTest): one that does not parse is a fault. */
    private JsonNode parse(String mapping, String file, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shipped sample " + mapping + "/" + file + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
