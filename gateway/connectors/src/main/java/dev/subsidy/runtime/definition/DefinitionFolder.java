package dev.subsidy.runtime.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The definitions an operator keeps as files ({@code gateway.connectors.dir}, {@code *.yml},
 * {@code *.yaml} or {@code *.json}, one definition per file), read at startup. A missing folder means
 * none. Files are read in name order; two files with one id are a problem of the second.
 */
public final class DefinitionFolder {

    private final Path dir;
    private final DefinitionReader reader = new DefinitionReader();

    public DefinitionFolder(Path dir) {
        this.dir = dir;
    }

    /** One file's outcome. */
    public record Entry(Path file, DefinitionReader.Result result) {}

    public Path dir() {
        return dir;
    }

    public List<Entry> read() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(DefinitionFolder::isDefinition).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list connector definitions in " + dir, e);
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            DefinitionReader.Result r;
            try {
                r = reader.read(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                r = new DefinitionReader.Result(null, List.of(new DefinitionProblem("definition", "cannot be read: " + e.getMessage())));
            }
            if (r.definition() != null) {
                Path first = seen.putIfAbsent(r.definition().id(), f);
                if (first != null) {
                    List<DefinitionProblem> p = new ArrayList<>(r.problems());
                    p.add(new DefinitionProblem("id", "'" + r.definition().id() + "' is already defined by " + first.getFileName()));
                    r = new DefinitionReader.Result(r.definition(), List.copyOf(p));
                }
            }
            entries.add(new Entry(f, r));
        }
        return entries;
    }

    private static boolean isDefinition(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
    }
}
