package dev.subsidy.runtime.definition.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.DefinitionReader;
import dev.subsidy.runtime.definition.DefinitionValidator;
import dev.subsidy.runtime.http.HostAllowList;
import dev.subsidy.runtime.mapping.CatalogRecordMapper;
import dev.subsidy.runtime.mapping.MappingLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A connector definition, whatever POST /api/v1/connectors or …/validate receives (YAML or JSON, any
 * bytes), is read and checked as the admin API checks it: every problem with the field it concerns
 * and a message, never an exception (which would answer 500 instead of the list of problems). The
 * checks run against the connector types on the class path, the repository's mappings, an allow-list
 * and environment variables of which some are set, so the fuzzer reaches each type's settings checks;
 * no message may show the value of a variable a definition refers to.
 */
class ConnectorDefinitionFuzzTest {

    /** Every variable whose name starts with A to M is set to this; the others are not set. */
    private static final String SECRET_VALUE = "fuzz-secret-value";

    private static final DefinitionReader READER = new DefinitionReader();
    private static final DefinitionValidator VALIDATOR = validator();


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aDefinitionIsCheckedIntoProblemsWithTheirFieldsNeverAnException(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        DefinitionReader.Result read = READER.read(text);
        List<DefinitionProblem> problems = new ArrayList<>(read.problems());
        if (read.definition() != null) {
            problems.addAll(VALIDATOR.validate(read.definition()));
        } else if (problems.isEmpty()) {
            throw new AssertionError("no definition and no problem saying why");
        }
        for (DefinitionProblem p : problems) {
            // the field may be empty: a definition's key can be the empty string
            if (p.field() == null || p.message() == null || p.message().isBlank()) {
                throw new AssertionError("a problem an operator cannot act on: " + p);
            }
            // the text itself may hold that value (a parse error quotes the text), the environment's must not show
            if (p.message().contains(SECRET_VALUE) && !text.contains(SECRET_VALUE)) {
                throw new AssertionError("a problem shows a secret's value: " + p);
            }
        }
    }

    private static DefinitionValidator validator() {
        ClassLoader loader = ConnectorDefinitionFuzzTest.class.getClassLoader();
        Path addedMappings;
        try {
            addedMappings = Files.createTempDirectory("fuzz-added-mappings");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path repoMappings = Path.of(System.getProperty("repo.root", "../..")).resolve("mappings");
        return new DefinitionValidator(ConnectorRegistry.load(null, loader),
                new CatalogRecordMapper(MappingLibrary.load(loader, repoMappings, addedMappings)),
                new HostAllowList(List.of("japi.zto.com", ".sf-express.com", "api.parcels.example.com", "127.0.0.1")),
                name -> !name.isEmpty() && name.charAt(0) >= 'A' && name.charAt(0) <= 'M' ? Optional.of(SECRET_VALUE) : Optional.empty(),
                Duration.ofSeconds(1), EnumSet.allOf(ConnectorKind.class));
    }
}
