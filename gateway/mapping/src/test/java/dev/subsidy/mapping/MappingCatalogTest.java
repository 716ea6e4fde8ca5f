package dev.subsidy.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingCatalogTest {

    @TempDir
    Path dir;

    @Test
    void loadsEveryMappingOfTheRepositoryByName() throws Exception {
        MappingCatalog catalog = MappingCatalog.load(Path.of(System.getProperty("mappings.dir", "../../mappings")));

        assertThat(catalog.names()).contains("standard-csv", "zto-trace-push", "sf-routes", "taobao-trades",
                "douyin-orders", "pdd-orders");
        assertThat(catalog.get("sf-routes").name()).isEqualTo("sf-routes");
    }

    @Test
    void onlyJsltFilesDirectlyInTheFolderAreMappings() throws Exception {
        write("a.jslt", "{\"n\": 1}");
        write("notes.md", "not a mapping");
        write(".hidden.jslt", "{");
        Files.createDirectories(dir.resolve("samples/a"));
        Files.writeString(dir.resolve("samples/a/b.jslt"), "{");

        assertThat(MappingCatalog.load(dir).names()).containsExactly("a");
    }

    @Test
    void aSyntaxErrorNamesTheFileTheLineAndJsltsMessage() throws Exception {
        write("good.jslt", "{\"n\": 1}");
        write("broken.jslt", "// a comment\n{\n  \"a\": .x +\n}\n");

        assertThatThrownBy(() -> MappingCatalog.load(dir))
                .isInstanceOfSatisfying(MappingLoadException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    MappingProblem p = e.problems().get(0);
                    assertThat(p.origin()).endsWith("broken.jslt");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.column()).isEqualTo(1);
                    assertThat(p.message()).startsWith("Parse error: Encountered").doesNotContain("\n");
                    assertThat(e.getMessage()).contains("broken.jslt:4:1: Parse error");
                });
    }

    @Test
    void everyBrokenFileIsReportedAtOnce() throws Exception {
        write("one.jslt", "{\"a\": fen-to-yaun(.x)}");
        write("two.jslt", "{\"a\": \"unterminated}");
        write("three.jslt", "{\"a\": $undeclared + 1");

        assertThatThrownBy(() -> MappingCatalog.load(dir))
                .isInstanceOfSatisfying(MappingLoadException.class, e -> {
                    assertThat(e.problems()).extracting(p -> Path.of(p.origin()).getFileName().toString())
                            .containsExactlyInAnyOrder("one.jslt", "two.jslt", "three.jslt");
                    MappingProblem unknownFunction = e.problems().stream()
                            .filter(p -> p.origin().endsWith("one.jslt")).findFirst().orElseThrow();
                    assertThat(unknownFunction.message()).contains("fen-to-yaun");
                    assertThat(unknownFunction.line()).isEqualTo(1);
                    MappingProblem lexical = e.problems().stream()
                            .filter(p -> p.origin().endsWith("two.jslt")).findFirst().orElseThrow();
                    assertThat(lexical.line()).isEqualTo(1);
                    assertThat(lexical.message()).contains("Lexical error");
                });
    }

    @Test
    void aMissingFolderAndAnUnknownNameSayWhat() throws Exception {
        assertThatThrownBy(() -> MappingCatalog.load(dir.resolve("nope")))
                .isInstanceOf(MappingLoadException.class).hasMessageContaining("not a folder");
        write("a.jslt", "{}");
        assertThatThrownBy(() -> MappingCatalog.load(dir).get("b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no mapping named 'b' (known: [a])");
    }

    @Test
    void twoSourcesOfOneNameAreRefused() {
        assertThatThrownBy(() -> MappingCatalog.of(List.of(
                new MappingSource("a", "first/a.jslt", "{}"), new MappingSource("a", "second/a.jslt", "{}"))))
                .isInstanceOf(MappingLoadException.class)
                .hasMessageContaining("second/a.jslt: a second mapping named 'a' (the first is first/a.jslt)");
    }

    @Test
    void loadsTheMappingsShippedOnTheClassPath() throws Exception {
        // the build copies the repository's mappings into the jar under mappings/
        MappingCatalog catalog = MappingCatalog.loadClasspath(getClass().getClassLoader(), "classpath:mappings/");

        assertThat(catalog.names()).contains("standard-csv", "taobao-trades");
        assertThat(catalog.get("taobao-trades").origin()).isEqualTo("classpath:mappings/taobao-trades.jslt");
    }

    @Test
    void loadsMappingsFromAJarOnTheClassPath() throws Exception {
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // folder entries, as every jar Maven builds has: a class loader finds a location by them
            for (String folder : List.of("conf/", "conf/maps/", "conf/maps/deeper/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            entry(out, "conf/maps/a.jslt", "{\"n\": 1}");
            entry(out, "conf/maps/b.jslt", "{\"n\": 2}");
            entry(out, "conf/maps/deeper/c.jslt", "{");
            entry(out, "conf/other.jslt", "{");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MappingCatalog catalog = MappingCatalog.loadClasspath(loader, "conf/maps");

            assertThat(catalog.names()).containsExactly("a", "b");
        }
        assertThatThrownBy(() -> MappingCatalog.loadClasspath(getClass().getClassLoader(), "no/such/place"))
                .isInstanceOf(MappingLoadException.class).hasMessageContaining("no such location on the class path");
    }

    @Test
    void compilingOneMappingReportsItsProblem() {
        assertThatThrownBy(() -> MappingCompiler.compile(new MappingSource("x", "posted definition", "{\"a\": }")))
                .isInstanceOfSatisfying(MappingLoadException.class,
                        e -> assertThat(e.problems().get(0).toString()).startsWith("posted definition:1:7: Parse error"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
