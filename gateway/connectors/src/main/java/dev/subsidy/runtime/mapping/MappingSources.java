package dev.subsidy.runtime.mapping;

import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingCompiler;
import dev.subsidy.mapping.MappingImports;
import dev.subsidy.mapping.MappingLimits;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingProblem;
import dev.subsidy.mapping.MappingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mappings of one place and compiles them: unlike {@link MappingCatalog#load} (all or
 * nothing), a file that cannot be read or compiled becomes a {@link KnownMapping} with its problem, so
 * the gateway still starts and only definitions naming that mapping are refused, with its line.
 * Stateless.
 */
final class MappingSources {

    private static final Logger log = LoggerFactory.getLogger(MappingSources.class);

    /** Where the gateway-mapping jar keeps its copy of the repository's mappings. */
    static final String CLASSPATH_LOCATION = "mappings";

    /** A byte-order mark, as Windows editors put before UTF-8 text; not part of the mapping. */
    private static final char BOM = '\uFEFF';

    private MappingSources() {}

    /**
     * One mapping file as read: its text, or why it could not be read.
     *
     * @param text the JSLT text, or null when the file could not be read
     * @param problem why it could not be read, or null
     */
    record Entry(String name, KnownMapping.Source source, String origin, String text, MappingProblem problem) {}

    /** Every {@code *.jslt} directly in the folder (UTF-8, strictly); none when the folder does not exist. */
    static List<Entry> read(Path dir, KnownMapping.Source source) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> nameOf(f) != null).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("mappings folder " + dir + " cannot be listed", e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            String origin = file.toString();
            try {
                // malformed UTF-8 throws, never replaced
                entries.add(new Entry(nameOf(file), source, origin, withoutBom(Files.readString(file, StandardCharsets.UTF_8)), null));
            } catch (CharacterCodingException e) {
                entries.add(new Entry(nameOf(file), source, origin, null, new MappingProblem(origin, 1, 1, "not UTF-8 text")));
            } catch (IOException e) {
                entries.add(new Entry(nameOf(file), source, origin, null,
                        new MappingProblem(origin, 1, 1, "cannot be read: " + e.getMessage())));
            }
        }
        return entries;
    }

    /**
     * The copies inside the gateway-mapping jar. They are compiled and checked against their samples
     * when that module is built, so a problem here is logged and the copies left out rather than
     * stopping the gateway.
     */
    static List<KnownMapping> builtIn(ClassLoader loader, MappingLimits limits) {
        MappingCatalog catalog;
        try {
            catalog = MappingCatalog.loadClasspath(loader, CLASSPATH_LOCATION, limits);
        } catch (MappingLoadException e) {
            log.error("the mappings shipped in the gateway cannot be loaded; only mappings of gateway.mappings.dir "
                    + "and the API serve: {}", e.getMessage());
            return List.of();
        }
        List<KnownMapping> known = new ArrayList<>();
        for (String name : catalog.names()) {
            Mapping m = catalog.get(name);
            known.add(new KnownMapping(name, KnownMapping.Source.BUILT_IN, m.origin(), m, null));
        }
        return known;
    }

    /** One mapping's text compiled: usable, or with its problem (line, column, message). */
    static KnownMapping compile(String name, KnownMapping.Source source, String origin, String text, MappingLimits limits,
            MappingImports imports) {
        return known(name, source, MappingCompiler.tryCompile(new MappingSource(name, origin, text), limits, imports));
    }

    static KnownMapping known(String name, KnownMapping.Source source, MappingCompiler.Compiled compiled) {
        if (compiled.mapping() != null) {
            return new KnownMapping(name, source, compiled.mapping().origin(), compiled.mapping(), null);
        }
        return broken(name, source, compiled.problem());
    }

    static KnownMapping broken(String name, KnownMapping.Source source, MappingProblem problem) {
        return new KnownMapping(name, source, problem.origin(), null, problem);
    }

    static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The mapping name of a file, or null when it is not a mapping ({@code name.jslt}, not hidden). */
    static String nameOf(Path file) {
        String f = file.getFileName().toString();
        if (!f.endsWith(MappingSource.EXTENSION) || f.length() == MappingSource.EXTENSION.length() || f.startsWith(".")) {
            return null;
        }
        return f.substring(0, f.length() - MappingSource.EXTENSION.length());
    }
}
