package dev.subsidy.runtime.definition;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Connector definitions as added through the API, each as its JSON text (references, never secret
 * values), with the operator's pause, so that both survive restarts. Implemented by the gateway's
 * storage; thread-safe.
 */
public interface DefinitionStore {

    /** A stored definition and whether the operator paused it. */
    record Stored(ConnectorDefinition definition, boolean paused) {}

    /** Adds or replaces a definition; a replaced one keeps its pause. */
    void save(ConnectorDefinition definition);

    void setPaused(String id, boolean paused);

    /** Forgets a definition (deleted through the API); nothing else the connector left is touched. */
    void delete(String id);

    /**
     * Every stored definition, in id order. One that no longer reads (edited by hand) is skipped
     * with its problems reported to {@code unreadable}.
     */
    List<Stored> all(BiConsumer<String, List<DefinitionProblem>> unreadable);
}
