package dev.subsidy.gateway.connectors.mapping;

import dev.subsidy.gateway.connectors.definition.DefinitionReader;
import dev.subsidy.mapping.MappingLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every mapping the gateway knows, by name, from three places (a later one wins for a name): the
 * copies shipped inside the gateway, the operator's folder ({@code gateway.mappings.dir}), and those
 * added through the API, kept under {@code ${gateway.home}/mappings} so they survive restarts.
 *
 * <p>Thread-safe: lookups read an immutable map that {@link #add} replaces whole (connectors map
 * concurrently, and a running connector picks up a replaced mapping at its next batch); adds are
 * serialised.
 */
public final class MappingLibrary {

    private static final Logger log = LoggerFactory.getLogger(MappingLibrary.class);

    /** Names of mappings added through the API: they become file names and appear in URLs. */
    public static final Pattern NAME = DefinitionReader.ID;

    private final Path addedDir;
    private final List<KnownMapping> lower;
    private volatile Map<String, KnownMapping> known;

    private MappingLibrary(Path addedDir, List<KnownMapping> lower, List<KnownMapping> added) {
        this.addedDir = addedDir;
        this.lower = List.copyOf(lower);
        this.known = merge(this.lower, added);
    }

    /**
     * @param folder the operator's folder; missing means none
     * @param addedDir where mappings added through the API are kept
     */
    public static MappingLibrary load(ClassLoader loader, Path folder, Path addedDir) {
        List<KnownMapping> lower = new ArrayList<>(MappingSources.builtIn(loader));
        lower.addAll(MappingSources.folder(folder, KnownMapping.Source.FOLDER));
        MappingLibrary library = new MappingLibrary(addedDir, lower, MappingSources.folder(addedDir, KnownMapping.Source.API));
        library.all().stream().filter(k -> !k.usable()).forEach(k -> log.error(
                "mapping {} does not compile; definitions naming it are refused: {}", k.name(), k.problem()));
        log.info("mappings: {} known ({} from {}, others built in or added through the API)", library.known.size(),
                lower.stream().filter(k -> k.source() == KnownMapping.Source.FOLDER).count(), folder);
        return library;
    }

    public Optional<KnownMapping> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(known.get(name));
    }

    /** Every mapping, by name. */
    public List<KnownMapping> all() {
        return List.copyOf(known.values());
    }

    /**
     * Compiles a mapping and, when it compiles, keeps it under {@code ${gateway.home}/mappings} and
     * serves it at once, replacing a mapping of that name from anywhere.
     *
     * @throws MappingLoadException with its problem (line, column, JSLT's message); nothing is kept
     * @throws IllegalArgumentException when the name is not a valid mapping name
     */
    public synchronized KnownMapping add(String name, String text) throws MappingLoadException {
        if (!NAME.matcher(name).matches() || RecordMapper.STANDARD.equals(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a mapping name: lower case letters, digits and "
                    + "dashes (at most 64), and not '" + RecordMapper.STANDARD + "' (the identity)");
        }
        Path file = addedDir.resolve(name + ".jslt");
        KnownMapping compiled = MappingSources.compile(name, KnownMapping.Source.API, file.toString(), text);
        if (!compiled.usable()) {
            throw new MappingLoadException(List.of(compiled.problem()));
        }
        write(file, text);
        List<KnownMapping> added = new ArrayList<>(known.values().stream()
                .filter(k -> k.source() == KnownMapping.Source.API && !k.name().equals(name)).toList());
        added.add(compiled);
        known = merge(lower, added);
        log.info("mapping {} added through the API ({})", name, file);
        return compiled;
    }

    /** Written beside, then moved over: a crash never leaves half a mapping to be loaded at the next start. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("mapping cannot be kept in " + file, e);
        }
    }

    private static Map<String, KnownMapping> merge(List<KnownMapping> lower, List<KnownMapping> added) {
        Map<String, KnownMapping> merged = new TreeMap<>();
        lower.forEach(k -> merged.put(k.name(), k));
        added.forEach(k -> merged.put(k.name(), k));
        return Collections.unmodifiableMap(merged);
    }
}
