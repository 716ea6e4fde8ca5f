package dev.subsidy.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.http.HostAllowList;
import dev.subsidy.runtime.mapping.CatalogRecordMapper;
import dev.subsidy.runtime.mapping.MappingLibrary;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every definition under {@code config/connectors/examples/} (found, not listed: examples are added
 * beside these by whoever adds a partner) reads and validates as the gateway would validate it: with
 * the repository's mappings, every environment variable it references set to a dummy value and the
 * hosts of its URLs allowed. So an example always matches the types' settings as they are now.
 */
// in the server's tests, not gateway/connectors: it validates against every connector type the gateway ships
class DefinitionExamplesTest {

    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.load(null, DefinitionExamplesTest.class.getClassLoader());

    @TempDir
    static Path noAddedMappings;

    @AfterAll
    static void close() {
        REGISTRY.close();
    }

    static Path root() {
        return Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleValidates() throws IOException {
        Path examples = root().resolve("config/connectors/examples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(Files::isRegularFile).filter(DefinitionExamplesTest::isDefinition).sorted().toList();
        }
        assertThat(files).as("examples in " + examples).isNotEmpty();
        CatalogRecordMapper mapper = new CatalogRecordMapper(MappingLibrary.load(getClass().getClassLoader(),
                root().resolve("mappings"), noAddedMappings));
        return files.stream().map(f -> DynamicTest.dynamicTest(examples.relativize(f).toString(), () -> validates(f, mapper)));
    }

    private static void validates(Path file, CatalogRecordMapper mapper) throws IOException {
        DefinitionReader.Result read = new DefinitionReader().read(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(read.problems()).as("read problems").isEmpty();
        ConnectorDefinition d = read.definition();
        DefinitionValidator validator = new DefinitionValidator(REGISTRY, mapper, new HostAllowList(hosts(d)),
                name -> Optional.of("dummy-" + name), Duration.ofSeconds(1), EnumSet.allOf(ConnectorKind.class));
        assertThat(validator.validate(d)).as("problems of " + file.getFileName()).isEmpty();
    }

    /** The hosts of the definition's URL settings: the operator would list them in allowed-hosts. */
    private static List<String> hosts(ConnectorDefinition d) {
        List<String> hosts = new ArrayList<>();
        for (String value : d.settings().values()) {
            if (value.strip().matches("(?i)https?://.*")) {
                Optional.ofNullable(URI.create(value.strip()).getHost()).ifPresent(hosts::add);
            }
        }
        return hosts;
    }

    private static boolean isDefinition(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
    }
}
