package dev.subsidy.runtime.mapping;

import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingProblem;
import java.util.Objects;

/**
 * A mapping the gateway knows by name: compiled, or with the problem that keeps it from compiling
 * (kept, not thrown, so that one broken file stops only the connectors that name it, each with the
 * file, line and column). Immutable.
 *
 * @param source where it came from: the copy in the gateway's jar, the operator's folder, or the API
 * @param origin the file or resource, for the operator
 * @param mapping the compiled mapping, or null when it does not compile
 * @param problem why it does not compile, or null
 */
public record KnownMapping(String name, Source source, String origin, Mapping mapping, MappingProblem problem) {

    /** Where a mapping came from, lowest precedence first: a later source's mapping of one name wins. */
    public enum Source {
        /** The repository's mappings as shipped inside the gateway (gateway-mapping's jar). */
        BUILT_IN,
        /** {@code gateway.mappings.dir}. */
        FOLDER,
        /** Added through {@code PUT /api/v1/mappings/{name}}, kept under {@code ${gateway.home}/mappings}. */
        API
    }

    public KnownMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        if ((mapping == null) == (problem == null)) {
            throw new IllegalArgumentException("a known mapping is either compiled or has a problem");
        }
    }

    public boolean usable() {
        return mapping != null;
    }
}
