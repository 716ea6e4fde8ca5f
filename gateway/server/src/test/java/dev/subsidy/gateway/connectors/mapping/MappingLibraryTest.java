package dev.subsidy.gateway.connectors.mapping;

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
        for (String bad : new String[] {"../etc/passwd", "Acme", "acme.jslt", "", RecordMapper.STANDARD}) {
            assertThatThrownBy(() -> library.add(bad, "{}")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a mapping name");
        }
    }
}
