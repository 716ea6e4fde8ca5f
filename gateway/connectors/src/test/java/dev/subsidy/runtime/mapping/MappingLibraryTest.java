package dev.subsidy.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.mapping.MappingLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where mappings come from, which one wins for a name, and what adding one through the API keeps. */
class MappingLibraryTest {

    @TempDir
    Path folder;
    @TempDir
    Path added;

    private MappingLibrary load() {
        return MappingLibrary.load(getClass().getClassLoader(), folder, added);
    }

    @Test
    void theShippedCopiesServeTheOperatorsFolderOverridesThemAndABrokenFileIsKeptWithItsPlace() throws IOException {
        Files.writeString(folder.resolve("standard-csv.jslt"), "{\"kind\": \"shipment\"}");
        Files.writeString(folder.resolve("broken.jslt"), "{\n  \"a\": .x +\n}\n");
        Files.writeString(folder.resolve("notes.txt"), "not a mapping");
        Files.createDirectories(folder.resolve("samples")).resolve("x.jslt");

        MappingLibrary library = load();

        assertThat(library.find("taobao-trades")).get().satisfies(k -> {
            assertThat(k.source()).isEqualTo(KnownMapping.Source.BUILT_IN);
            assertThat(k.origin()).isEqualTo("classpath:mappings/taobao-trades.jslt");
            assertThat(k.usable()).isTrue();
        });
        assertThat(library.find("standard-csv")).get().satisfies(k -> {
            assertThat(k.source()).isEqualTo(KnownMapping.Source.FOLDER);
            assertThat(k.origin()).isEqualTo(folder.resolve("standard-csv.jslt").toString());
        });
        assertThat(library.find("broken")).get().satisfies(k -> {
            assertThat(k.usable()).isFalse();
            assertThat(k.problem().line()).isEqualTo(3);
            assertThat(k.problem().column()).isEqualTo(1);
            assertThat(k.problem().origin()).isEqualTo(folder.resolve("broken.jslt").toString());
        });
        assertThat(library.find("notes")).isEmpty();
        assertThat(library.all()).extracting(KnownMapping::name).isSorted();
    }

    @Test
    void aMappingAddedThroughTheApiIsKeptServesAtOnceAndWinsOverTheOthersAfterARestartToo() throws Exception {
        MappingLibrary library = load();
        String text = "{\"kind\": \"shipment\", \"waybillNo\": .no}";

        KnownMapping kept = library.add("taobao-trades", text);

        assertThat(kept.source()).isEqualTo(KnownMapping.Source.API);
        assertThat(added.resolve("taobao-trades.jslt")).hasContent(text);
        assertThat(library.find("taobao-trades")).get().isSameAs(kept);
        assertThat(load().find("taobao-trades")).get().satisfies(k -> {
            assertThat(k.source()).isEqualTo(KnownMapping.Source.API);
            assertThat(k.origin()).isEqualTo(added.resolve("taobao-trades.jslt").toString());
        });
        try (var leftovers = Files.list(added)) {
            assertThat(leftovers).containsExactly(added.resolve("taobao-trades.jslt"));
        }
    }

    @Test
    void aMappingThatDoesNotCompileIsRefusedWithItsLineAndNothingIsKept() {
        MappingLibrary library = load();

        assertThatThrownBy(() -> library.add("acme", "{\n  \"kind\": fen-to-yaun(.x)\n}"))
                .isInstanceOf(MappingLoadException.class)
                .satisfies(e -> {
                    var problem = ((MappingLoadException) e).problems().get(0);
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.message()).contains("fen-to-yaun");
                });
        assertThat(added.resolve("acme.jslt")).doesNotExist();
        assertThat(library.find("acme")).isEmpty();
    }

    @Test
    void aNameMustBeSafeForAFileAndAUrlAndNotTheIdentity() {
        MappingLibrary library = load();
        for (String bad : new String[] {"../etc/passwd", "Acme", "acme.jslt", "", RecordMapper.STANDARD, "con", "nul", "com1",
                "lpt9", "a/b", "-x"}) {
            assertThatThrownBy(() -> library.add(bad, "{}")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a mapping name");
        }
    }

    @Test
    void aMappingImportsAnotherOfTheLibraryByNameAndIsCompiledAgainWhenThatOneIsReplaced() throws Exception {
        Files.writeString(folder.resolve("carriers.jslt"), "def code(name) \"FOLDER-\" + $name\n{}");
        MappingLibrary library = load();

        library.add("acme", "import \"carriers\" as c\n{\"kind\": \"shipment\", \"carrier\": c:code(.co)}");
        assertThat(carrier(library, "acme")).isEqualTo("FOLDER-ZTO");

        // the imported mapping replaced: the one importing it serves with the new version at once
        library.add("carriers", "def code(name) \"API-\" + $name\n{}");
        assertThat(carrier(library, "acme")).isEqualTo("API-ZTO");
        // and after a restart, the one added through the API wins the name for imports too
        assertThat(carrier(load(), "acme")).isEqualTo("API-ZTO");
    }

    @Test
    void aMappingAddedThroughTheApiIsRemovedWithItsFileUnlessImportedBuiltInOrInTheFolder() throws Exception {
        Files.writeString(folder.resolve("operator.jslt"), "{\"kind\": \"shipment\"}");
        MappingLibrary library = load();
        library.add("carriers", "def code(name) \"X-\" + $name\n{}");
        library.add("acme", "import \"carriers\" as c\n{\"kind\": \"shipment\", \"carrier\": c:code(.co)}");

        assertThatThrownBy(() -> library.remove("carriers")).isInstanceOf(MappingLibrary.Kept.class)
                .hasMessageContaining("imported by mapping(s) acme");
        assertThatThrownBy(() -> library.remove("taobao-trades")).isInstanceOf(MappingLibrary.Kept.class)
                .hasMessageContaining("built-in");
        assertThatThrownBy(() -> library.remove("operator")).isInstanceOf(MappingLibrary.Kept.class)
                .hasMessageContaining("operator's folder");
        assertThat(library.remove("no-such-mapping")).isFalse();

        assertThat(library.remove("acme")).isTrue();
        assertThat(library.remove("carriers")).isTrue();
        assertThat(library.find("acme")).isEmpty();
        assertThat(added.resolve("acme.jslt")).doesNotExist();
        assertThat(added.resolve("carriers.jslt")).doesNotExist();
        // and it stays removed after a restart
        assertThat(load().find("carriers")).isEmpty();
    }

    @Test
    void replacingAnImportedMappingWithOneItsImportersCannotUseIsRefusedAndNothingChanges() throws Exception {
        MappingLibrary library = load();
        library.add("carriers", "def code(name) \"X-\" + $name\n{}");
        library.add("acme", "import \"carriers\" as c\n{\"kind\": \"shipment\", \"carrier\": c:code(.co)}");

        assertThatThrownBy(() -> library.add("carriers", "def other(name) $name\n{}"))
                .isInstanceOfSatisfying(MappingLoadException.class, e -> {
                    var problem = e.problems().get(0);
                    assertThat(problem.origin()).isEqualTo(added.resolve("acme.jslt").toString());
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.message()).startsWith("mapping 'acme' imports 'carriers' and would no longer compile with it: ")
                            .contains("code");
                });
        assertThat(added.resolve("carriers.jslt")).hasContent("def code(name) \"X-\" + $name\n{}");
        assertThat(carrier(library, "acme")).isEqualTo("X-ZTO");
    }

    @Test
    void anImportOfAnythingButAMappingOfTheLibraryIsRefusedWithItsPlace() throws IOException {
        Path elsewhere = Files.writeString(added.resolve("../helpers.jslt").normalize(), "def f(x) $x\n{}");
        MappingLibrary library = load();

        for (String source : new String[] {elsewhere.toString(), elsewhere.toUri().toString(), "mappings/standard-csv.jslt",
                "http://127.0.0.1:9/x.jslt"}) {
            assertThatThrownBy(() -> library.add("acme", "{}\n".replace("{}", "import \"" + source + "\" as h\n{}")))
                    .isInstanceOfSatisfying(MappingLoadException.class, e -> {
                        assertThat(e.problems().get(0).line()).isEqualTo(1);
                        assertThat(e.problems().get(0).column()).isEqualTo(1);
                        assertThat(e.problems().get(0).message()).contains("no file, class-path resource or URL");
                    });
        }
        assertThat(added.resolve("acme.jslt")).doesNotExist();
    }

    @Test
    void theOperatorsFilesAreHeldToTheSameLimitsAndOneThatIsNotUtf8IsKeptWithItsProblem() throws IOException {
        Files.writeString(folder.resolve("recursive.jslt"), "def f(x)\n  f($x)\n{\"a\": f(.)}");
        Files.write(folder.resolve("gbk.jslt"), "{\"承运商\": .a}".getBytes(java.nio.charset.Charset.forName("GBK")));

        MappingLibrary library = load();

        assertThat(library.find("recursive")).get().satisfies(k -> {
            assertThat(k.usable()).isFalse();
            assertThat(k.problem().line()).isEqualTo(2);
            assertThat(k.problem().message()).startsWith("function 'f' calls itself");
        });
        assertThat(library.find("gbk")).get().satisfies(k -> assertThat(k.problem().message()).isEqualTo("not UTF-8 text"));
        assertThat(library.find("standard-csv")).get().satisfies(k -> assertThat(k.usable()).isTrue());
    }

    private static String carrier(MappingLibrary library, String mapping) {
        var result = library.find(mapping).orElseThrow().mapping()
                .apply(dev.subsidy.connector.api.SourceRecord.json("item 1", "{\"co\": \"ZTO\"}"));
        return ((dev.subsidy.mapping.MappingResult.Mapped) result).records().get(0).get("carrier").asText();
    }
}
