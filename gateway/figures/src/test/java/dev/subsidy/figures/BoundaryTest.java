package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules stay plain Java (README.md): the pom keeps Spring out, but the JDK carries JDBC, so the
 * sources are read for it. Tests run in the module's folder.
 */
class BoundaryTest {

    private static final Pattern FORBIDDEN =
            Pattern.compile("^import\\s+(static\\s+)?(org\\.springframework|java\\.sql|javax\\.sql|dev\\.subsidy\\.gateway)\\.",
                    Pattern.MULTILINE);

    @Test
    void noMainSourceImportsSpringJdbcOrTheServer() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            assertThat(FORBIDDEN.matcher(text).find()).as("%s imports Spring, JDBC or the server", source).isFalse();
        }
    }
}
