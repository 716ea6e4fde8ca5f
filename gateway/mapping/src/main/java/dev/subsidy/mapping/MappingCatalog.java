package dev.subsidy.mapping;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every mapping of a folder or classpath location, compiled and found by name.
 *
 * <p>Loading is all or nothing and reports every problem at once: each file that does not compile
 * is named with its line, column and JSLT's message in one {@link MappingLoadException}. Only
 * {@code *.jslt} files directly in the folder are mappings ({@code samples/} and other sub-folders
 * are not read).
 *
 * <p>Immutable and thread-safe once loaded; to pick up changed files, load a new catalog and swap
 * it in.
 */
public final class MappingCatalog {

    private final Map<String, Mapping> mappings;

    private MappingCatalog(Map<String, Mapping> mappings) {
        this.mappings = Collections.unmodifiableMap(new TreeMap<>(mappings));
    }

    /** Every {@code *.jslt} file directly in {@code folder} (UTF-8), compiled with the default limits. */
    public static MappingCatalog load(Path folder) throws MappingLoadException {
        return load(folder, MappingLimits.DEFAULTS);
    }

    /** Every {@code *.jslt} file directly in {@code folder} (UTF-8), compiled under these limits. */
    public static MappingCatalog load(Path folder, MappingLimits limits) throws MappingLoadException {
        if (!Files.isDirectory(folder)) {
            throw new MappingLoadException(List.of(new MappingProblem(folder.toString(), 0, 0, "not a folder")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> MappingSource.nameOf(f.getFileName().toString()) != null)
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new MappingLoadException("mappings folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        List<MappingSource> sources = new ArrayList<>();
        List<MappingProblem> unreadable = new ArrayList<>();
        for (Path file : files) {
            String name = MappingSource.nameOf(file.getFileName().toString());
            try {
                sources.add(new MappingSource(name, file.toString(), Files.readString(file)));
            } catch (CharacterCodingException e) {
                unreadable.add(new MappingProblem(file.toString(), 0, 0, "not UTF-8 text"));
            } catch (IOException e) {
                unreadable.add(new MappingProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage()));
            }
        }
        return compile(sources, unreadable, limits);
    }

    /**
     * Every {@code *.jslt} resource directly under {@code location} (such as {@code mappings}) on the
     * class path of {@code loader}: a folder or an entry of a jar. A jar must hold the folder's own
     * entry (every jar Maven or Spring Boot builds does), since that is how a class loader finds it.
     */
    public static MappingCatalog loadClasspath(ClassLoader loader, String location) throws MappingLoadException {
        return loadClasspath(loader, location, MappingLimits.DEFAULTS);
    }

    /** {@link #loadClasspath(ClassLoader, String)} under these limits. */
    public static MappingCatalog loadClasspath(ClassLoader loader, String location, MappingLimits limits)
            throws MappingLoadException {
        return compile(ClasspathMappings.list(loader, location), List.of(), limits);
    }

    /** These mappings, compiled with the default limits; names must be unique. */
    public static MappingCatalog of(Collection<MappingSource> sources) throws MappingLoadException {
        return compile(sources, List.of(), MappingLimits.DEFAULTS);
    }

    /** Imports resolve among the catalog's own mappings, each compiled after those it imports. */
    private static MappingCatalog compile(Collection<MappingSource> sources, List<MappingProblem> earlier,
            MappingLimits limits) throws MappingLoadException {
        List<MappingProblem> problems = new ArrayList<>(earlier);
        Map<String, Mapping> compiled = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        List<MappingSource> unique = new ArrayList<>();
        for (MappingSource source : sources) {
            String previous = origins.putIfAbsent(source.name(), source.origin());
            if (previous != null) {
                problems.add(new MappingProblem(source.origin(), 0, 0,
                        "a second mapping named '" + source.name() + "' (the first is " + previous + ")"));
            } else {
                unique.add(source);
            }
        }
        for (MappingCompiler.Compiled result : MappingCompiler.compileAll(unique, limits, MappingImports.none()).values()) {
            if (result.problem() != null) {
                problems.add(result.problem());
            } else {
                compiled.put(result.mapping().name(), result.mapping());
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingLoadException(problems);
        }
        return new MappingCatalog(compiled);
    }

    /** The mapping of that name, if there is one. */
    public Optional<Mapping> find(String name) {
        return Optional.ofNullable(mappings.get(name));
    }

    /**
     * The mapping of that name.
     *
     * @throws IllegalArgumentException naming the mappings there are, when there is none of that name
     */
    public Mapping get(String name) {
        Mapping mapping = mappings.get(name);
        if (mapping == null) {
            throw new IllegalArgumentException("no mapping named '" + name + "' (known: " + mappings.keySet() + ")");
        }
        return mapping;
    }

    /** The names of every mapping, sorted. */
    public Set<String> names() {
        return mappings.keySet();
    }

    /** Number of mappings. */
    public int size() {
        return mappings.size();
    }
}
