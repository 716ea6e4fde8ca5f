package dev.subsidy.runtime.mapping;

import dev.subsidy.mapping.MappingCompiler;
import dev.subsidy.mapping.MappingImports;
import dev.subsidy.mapping.MappingLimits;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingProblem;
import dev.subsidy.mapping.MappingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every mapping the gateway knows, by name, from three places (a later one wins for a name): the
 * copies shipped inside the gateway, the operator's folder ({@code gateway.mappings.dir}), and those
 * added through the API, kept under {@code ${gateway.home}/mappings} so they survive restarts. All are
 * compiled in the sandbox of {@link MappingLimits}; a mapping imports another by name among these (the
 * one that wins for that name; a shipped copy imports shipped copies).
 *
 * <p>Thread-safe: lookups read an immutable map that {@link #add} replaces whole (connectors map
 * concurrently, and a running connector picks up a replaced mapping at its next batch); adds are
 * serialised.
 */
public final class MappingLibrary {

    private static final Logger log = LoggerFactory.getLogger(MappingLibrary.class);

    /** Names of mappings added through the API: they become file names and appear in URLs. */
    /** A mapping's name: the same form as a connector id, since a definition names its mapping. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Names Windows keeps for devices whatever the extension ({@code con.jslt} is the console), refused everywhere. */
    private static final Pattern DEVICE = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");

    private final Path addedDir;
    private final MappingLimits limits;
    private volatile Map<String, KnownMapping> known;

    private MappingLibrary(Path addedDir, MappingLimits limits, Map<String, KnownMapping> known) {
        this.addedDir = addedDir;
        this.limits = limits;
        this.known = Collections.unmodifiableMap(new TreeMap<>(known));
    }

    /** {@link #load(ClassLoader, Path, Path, MappingLimits)} with the default limits. */
    public static MappingLibrary load(ClassLoader loader, Path folder, Path addedDir) {
        return load(loader, folder, addedDir, MappingLimits.DEFAULTS);
    }

    /**
     * @param folder the operator's folder; missing means none
     * @param addedDir where mappings added through the API are kept
     */
    public static MappingLibrary load(ClassLoader loader, Path folder, Path addedDir, MappingLimits limits) {
        Map<String, KnownMapping> known = new TreeMap<>();
        MappingSources.builtIn(loader, limits).forEach(k -> known.put(k.name(), k));
        // the operator's files, those added through the API winning a name; compiled together, each after what it imports
        Map<String, MappingSources.Entry> winners = new LinkedHashMap<>();
        MappingSources.read(folder, KnownMapping.Source.FOLDER).forEach(e -> winners.put(e.name(), e));
        MappingSources.read(addedDir, KnownMapping.Source.API).forEach(e -> winners.put(e.name(), e));
        List<MappingSource> readable = new ArrayList<>();
        for (MappingSources.Entry e : winners.values()) {
            if (e.text() == null) {
                known.put(e.name(), MappingSources.broken(e.name(), e.source(), e.problem()));
            } else {
                readable.add(new MappingSource(e.name(), e.origin(), e.text()));
                known.remove(e.name()); // a shipped copy of that name is not what it imports
            }
        }
        Map<String, KnownMapping> shipped = Map.copyOf(known);
        MappingCompiler.compileAll(readable, limits, imports(shipped))
                .forEach((name, compiled) -> known.put(name, MappingSources.known(name, winners.get(name).source(), compiled)));
        MappingLibrary library = new MappingLibrary(addedDir, limits, known);
        library.all().stream().filter(k -> !k.usable()).forEach(k -> log.error(
                "mapping {} does not compile; definitions naming it are refused: {}", k.name(), k.problem()));
        log.info("mappings: {} known ({} from {}, others built in or added through the API)", library.known.size(),
                known.values().stream().filter(k -> k.source() == KnownMapping.Source.FOLDER).count(), folder);
        return library;
    }

    public Optional<KnownMapping> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(known.get(name));
    }

    /** Every mapping, by name. */
    public List<KnownMapping> all() {
        return List.copyOf(known.values());
    }

    /** The limits every mapping of this library is compiled with. */
    public MappingLimits limits() {
        return limits;
    }

    /**
     * Compiles a mapping and, when it compiles, keeps it under {@code ${gateway.home}/mappings} and
     * serves it at once, replacing a mapping of that name from anywhere. The gateway's other mappings
     * that import it (directly or through others) are compiled again with it; when one of them would no
     * longer compile, nothing changes and that is the problem reported.
     *
     * @throws MappingLoadException with its problem (line, column, message); nothing is kept
     * @throws IllegalArgumentException when the name is not a valid mapping name
     */
    public synchronized KnownMapping add(String name, String text) throws MappingLoadException {
        if (!NAME.matcher(name).matches() || !MappingSource.isName(name) || RecordMapper.STANDARD.equals(name)
                || DEVICE.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a mapping name: lower case letters, digits and "
                    + "dashes (at most 64), not a name Windows keeps for a device (con, nul, com1, …), and not '"
                    + RecordMapper.STANDARD + "' (the identity)");
        }
        Path file = addedDir.resolve(name + MappingSource.EXTENSION);
        Map<String, KnownMapping> next = new TreeMap<>(known);
        next.remove(name); // it cannot import the version it replaces
        KnownMapping compiled = MappingSources.compile(name, KnownMapping.Source.API, file.toString(), text, limits, imports(next));
        if (!compiled.usable()) {
            throw new MappingLoadException(List.of(compiled.problem()));
        }
        next.put(name, compiled);
        recompileDependents(name, next);
        write(file, text);
        known = Collections.unmodifiableMap(next);
        log.info("mapping {} added through the API ({})", name, file);
        return compiled;
    }

    /** Why a mapping cannot be removed, in words for the administrator. */
    public static final class Kept extends RuntimeException {
        public Kept(String reason) {
            super(reason);
        }
    }

    /**
     * Removes a mapping added through the API, its file under {@code ${gateway.home}/mappings} too. A
     * mapping shipped inside the gateway or kept in the operator's folder is refused (it would come back
     * at the next start), and so is one that other mappings import, named in the refusal. Which
     * connectors name it is the caller's check, made before this.
     *
     * @return false when no mapping has this name
     * @throws Kept when it is built in, in the operator's folder, or imported
     */
    public synchronized boolean remove(String name) {
        KnownMapping k = known.get(name);
        if (k == null) {
            return false;
        }
        if (k.source() == KnownMapping.Source.BUILT_IN) {
            throw new Kept("mapping '" + name + "' is built-in: it ships with the gateway and cannot be deleted");
        }
        if (k.source() == KnownMapping.Source.FOLDER) {
            throw new Kept("mapping '" + name + "' is kept in the operator's folder (" + k.origin()
                    + "): remove the file there; the gateway would load it again at the next start");
        }
        List<String> importers = known.values().stream()
                .filter(o -> o.usable() && !o.name().equals(name) && o.mapping().imports().contains(name))
                .map(KnownMapping::name).toList();
        if (!importers.isEmpty()) {
            throw new Kept("mapping '" + name + "' is imported by mapping(s) " + String.join(", ", importers)
                    + ": change or delete them first");
        }
        try {
            Files.deleteIfExists(addedDir.resolve(name + MappingSource.EXTENSION));
        } catch (IOException e) {
            throw new UncheckedIOException("mapping " + name + " cannot be removed from " + addedDir, e);
        }
        Map<String, KnownMapping> next = new TreeMap<>(known);
        next.remove(name);
        known = Collections.unmodifiableMap(next);
        log.info("mapping {} deleted through the API", name);
        return true;
    }

    /**
     * Compiles again, in {@code next}, every mapping that imports a changed one (an import is compiled
     * into the mapping that imports it), until none is left.
     *
     * @throws MappingLoadException when one would no longer compile, with its problem
     */
    private void recompileDependents(String changed, Map<String, KnownMapping> next) throws MappingLoadException {
        Set<String> changedNames = new LinkedHashSet<>(List.of(changed));
        boolean again = true;
        while (again) {
            again = false;
            for (KnownMapping k : List.copyOf(next.values())) {
                if (k.source() == KnownMapping.Source.BUILT_IN || !k.usable() || changedNames.contains(k.name())
                        || Collections.disjoint(k.mapping().imports(), changedNames)) {
                    continue;
                }
                KnownMapping recompiled = MappingSources.compile(k.name(), k.source(), k.origin(), k.mapping().text(), limits,
                        imports(next));
                if (!recompiled.usable()) {
                    MappingProblem p = recompiled.problem();
                    throw new MappingLoadException(List.of(new MappingProblem(p.origin(), p.line(), p.column(),
                            "mapping '" + k.name() + "' imports '" + changed + "' and would no longer compile with it: " + p.message())));
                }
                next.put(k.name(), recompiled);
                changedNames.add(k.name());
                again = true;
            }
        }
    }

    /** What a mapping may import: the usable mappings of this map, by name. */
    private static MappingImports imports(Map<String, KnownMapping> mappings) {
        return name -> Optional.ofNullable(mappings.get(name)).filter(KnownMapping::usable).map(KnownMapping::mapping);
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
}
