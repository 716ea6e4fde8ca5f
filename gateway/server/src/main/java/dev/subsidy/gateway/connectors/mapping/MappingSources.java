package dev.subsidy.gateway.connectors.mapping;

import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingCompiler;
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
 * Reads the mappings of one place, each file compiled on its own: unlike {@link MappingCatalog#load}
 * (all or nothing), a file that does not compile becomes a {@link KnownMapping} with its problem, so
 * the gateway still starts and only definitions naming that mapping are refused, with its line.
 * Stateless.
 */
final class MappingSources {

    private static final Logger log = LoggerFactory.getLogger(MappingSources.class);

    /** Where the gateway-mapping jar keeps its copy of the repository's mappings. */
    static final String CLASSPATH_LOCATION = "mappings";

    private MappingSources() {}

    /** Every {@code *.jslt} directly in the folder (UTF-8); none when the folder does not exist. */
    static List<KnownMapping> folder(Path dir, KnownMapping.Source source) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> nameOf(f) != null).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("mappings folder " + dir + " cannot be listed", e);
        }
        List<KnownMapping> known = new ArrayList<>();
        for (Path file : files) {
            String name = nameOf(file);
            String origin = file.toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8); // malformed UTF-8 throws, never replaced
            } catch (CharacterCodingException e) {
                known.add(broken(name, source, new MappingProblem(origin, 0, 0, "not UTF-8 text")));
                continue;
            } catch (IOException e) {
                known.add(broken(name, source, new MappingProblem(origin, 0, 0, "cannot be read: " + e.getMessage())));
                continue;
            }
            known.add(compile(name, source, origin, text));
        }
        return known;
    }

    /**
     * The copies inside the gateway-mapping jar. They are compiled and checked against their samples
     * when that module is built, so a problem here is logged and the copies left out rather than
     * stopping the gateway.
     */
    static List<KnownMapping> builtIn(ClassLoader loader) {
        MappingCatalog catalog;
        try {
            catalog = MappingCatalog.loadClasspath(loader, CLASSPATH_LOCATION);
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

    /** One mapping's text compiled: usable, or with its problem (line, column, JSLT's message). */
    static KnownMapping compile(String name, KnownMapping.Source source, String origin, String text) {
        try {
            return new KnownMapping(name, source, origin, MappingCompiler.compile(new MappingSource(name, origin, text)), null);
        } catch (MappingLoadException e) {
            MappingProblem problem = e.problems().isEmpty() ? new MappingProblem(origin, 0, 0, e.getMessage()) : e.problems().get(0);
            return broken(name, source, problem);
        }
    }

    private static KnownMapping broken(String name, KnownMapping.Source source, MappingProblem problem) {
        return new KnownMapping(name, source, problem.origin(), null, problem);
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
