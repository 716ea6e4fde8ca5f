package dev.subsidy.connector.partners.markets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example connector definition of {@code config/connectors/examples}, read from the repository
 * as the gateway reads a definition: {@code id}, {@code type}, {@code mapping}, {@code mappingParams},
 * {@code schedule} and {@code settings} (scalars as text, lists joined with commas). Secrets are
 * {@code ${env:NAME}} references, resolved here from a map the test gives instead of the
 * environment. Immutable.
 *
 * @param settings as written, references unresolved
 */
record ExampleDefinition(String file, String id, String type, String mapping, Map<String, String> mappingParams,
                         String schedule, Map<String, String> settings) {

    /** A whole value that names an environment variable, as the gateway accepts them. */
    static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    /** The folder of the examples: the repository's, from this module's folder (Maven's working directory). */
    static Path folder() {
        return Path.of(System.getProperty("connector.examples.dir", "../../config/connectors/examples"));
    }

    /** The mappings folder at the repository's root. */
    static Path mappingsFolder() {
        return Path.of(System.getProperty("mappings.dir", "../../mappings"));
    }

    static ExampleDefinition load(String fileName) {
        Path file = folder().resolve(fileName);
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ExampleDefinition(fileName, root.path("id").asText(null), root.path("type").asText(null),
                root.path("mapping").asText(null), texts(root.path("mappingParams")), root.path("schedule").asText(null),
                texts(root.path("settings")));
    }

    private static Map<String, String> texts(JsonNode map) {
        Map<String, String> m = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                StringJoiner joined = new StringJoiner(",");
                v.forEach(item -> joined.add(item.asText()));
                m.put(e.getKey(), joined.toString());
            } else if (!v.isNull()) {
                m.put(e.getKey(), v.asText());
            }
        });
        return Map.copyOf(m);
    }

    /**
     * The settings with each {@code ${env:NAME}} replaced by {@code environment.get(NAME)}, as the
     * gateway resolves them when a connector starts; a mutable copy.
     *
     * @throws IllegalArgumentException naming a variable the map lacks
     */
    Map<String, String> resolvedSettings(Map<String, String> environment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            Matcher m = ENV_REFERENCE.matcher(value.strip());
            if (m.matches()) {
                String v = environment.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException(file + ": setting " + name + " needs environment variable " + m.group(1));
                }
                resolved.put(name, v);
            } else {
                resolved.put(name, value);
            }
        });
        return resolved;
    }
}
