package dev.subsidy.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every sample of {@code mappings/samples/<mapping>/}: {@code <case>.input.json} through the
 * mapping (with {@code <case>.params.json} as its parameters when there is one) must give exactly
 * {@code <case>.expected.json}, an array of standard records or {@code {"rejected": "<reason>"}}.
 * A new sample or a new mapping's folder is tested without new code.
 */
class MappingSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = ".input.json";

    private static Path folder;
    private static MappingCatalog catalog;

    @BeforeAll
    static void load() throws MappingLoadException {
        folder = Path.of(System.getProperty("mappings.dir", "../../mappings"));
        catalog = MappingCatalog.load(folder);
    }

    @Test
    void everyMappingHasSamples() {
        for (String name : catalog.names()) {
            assertThat(cases(folder.resolve("samples").resolve(name)))
                    .as("samples of mapping %s", name).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicContainer> samples() throws IOException {
        List<DynamicContainer> containers = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder.resolve("samples"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                List<DynamicTest> tests = cases(dir).stream()
                        .map(input -> DynamicTest.dynamicTest(caseName(input), () -> check(name, input)))
                        .toList();
                containers.add(DynamicContainer.dynamicContainer(name, tests));
            }
        }
        return containers.stream();
    }

    private static void check(String mappingName, Path input) throws IOException {
        Mapping mapping = catalog.find(mappingName)
                .orElseThrow(() -> new AssertionError("samples/" + mappingName + " has no mapping " + mappingName + ".jslt"));
        String caseName = caseName(input);
        Path dir = input.getParent();
        JsonNode expected = JSON.readTree(dir.resolve(caseName + ".expected.json").toFile());
        Path paramsFile = dir.resolve(caseName + ".params.json");
        Map<String, String> params = Files.exists(paramsFile)
                ? JSON.readValue(paramsFile.toFile(), new TypeReference<Map<String, String>>() {})
                : Map.of();
        String position = "sample " + caseName;

        MappingResult result = mapping.apply(SourceRecord.json(position, Files.readString(input)), params);

        assertThat(result.position()).isEqualTo(position);
        if (expected.isObject() && expected.has("rejected")) {
            assertThat(result).as("result of %s", caseName).isInstanceOf(MappingResult.Rejected.class);
            assertThat(((MappingResult.Rejected) result).reason()).isEqualTo(expected.get("rejected").asText());
            return;
        }
        if (!(result instanceof MappingResult.Mapped mapped)) {
            fail(caseName + " was rejected: " + ((MappingResult.Rejected) result).reason());
            return;
        }
        ArrayNode actual = JSON.createArrayNode().addAll(mapped.records());
        if (!JsonAssert.sameJson(expected, actual)) {
            fail(caseName + ": expected\n" + expected.toPrettyString() + "\nbut the mapping gave\n" + actual.toPrettyString());
        }
    }

    private static List<Path> cases(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(INPUT)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caseName(Path input) {
        String file = input.getFileName().toString();
        return file.substring(0, file.length() - INPUT.length());
    }
}
