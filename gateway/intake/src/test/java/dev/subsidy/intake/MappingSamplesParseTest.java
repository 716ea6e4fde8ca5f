package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the shipped mappings make of their samples (mappings/samples, checked against the mappings in
 * module gateway/mapping) is what the intake then validates: every expected standard record must pass
 * the strict rules, or a partner's normal records would be rejected in production.
 */
class MappingSamplesParseTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** After every sample's time: the window's upper end is the gateway's clock at arrival. */
    private static final Instant ARRIVAL = Instant.parse("2027-01-01T00:00:00Z");

    static Stream<Path> expectedRecords() throws IOException {
        Path samples = Path.of(System.getProperty("repo.root", "../..")).resolve("mappings/samples").toAbsolutePath();
        try (Stream<Path> files = Files.walk(samples)) {
            List<Path> expected = files.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
            assertThat(expected).hasSizeGreaterThan(20);
            return expected.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("expectedRecords")
    void everyRecordAMappingMakesOfItsSamplePassesTheIntake(Path file) throws IOException {
        JsonNode expected = JSON.readTree(file.toFile());
        StandardRecordParser parser = new StandardRecordParser(Map.of(), RecordLimits.defaults());
        if (!expected.isArray()) {
            assertThat(expected.has("rejected")).as(file.toString()).isTrue();
            return;
        }
        for (JsonNode record : expected) {
            Object result = parser.parse(BodyRecord.of(0, (ObjectNode) record, null), ARRIVAL);
            assertThat(result).as(file + ": " + result).isInstanceOf(ParsedRecord.class);
        }
    }
}
