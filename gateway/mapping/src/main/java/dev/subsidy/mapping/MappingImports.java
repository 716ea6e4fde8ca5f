package dev.subsidy.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * The mappings another mapping may import: the gateway's own, by name, and only those that compile.
 * An {@code import "…"} naming anything else (a file, a class-path resource, a URL) is refused where it
 * is written; nothing is ever read from outside to resolve one.
 */
@FunctionalInterface
public interface MappingImports {

    /** The compiled mapping of that name, if there is one that compiles. */
    Optional<Mapping> find(String name);

    /** No imports at all. */
    static MappingImports none() {
        return name -> Optional.empty();
    }

    /** The mappings of this map. */
    static MappingImports of(Map<String, Mapping> mappings) {
        return name -> Optional.ofNullable(mappings.get(name));
    }
}
