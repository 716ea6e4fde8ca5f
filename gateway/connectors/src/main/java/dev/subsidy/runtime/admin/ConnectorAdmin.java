package dev.subsidy.runtime.admin;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.DefinitionReader;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.runtime.definition.DefinitionValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * What the admin API does with definitions: check one (every problem at once), add or replace one
 * (stored, then started, without a restart), pause and resume (stored, so they survive restarts).
 */
public final class ConnectorAdmin {

    private final DefinitionReader reader = new DefinitionReader();
    private final DefinitionValidator validator;
    private final DefinitionStore store;
    private final ConnectorRuntime runtime;

    ConnectorAdmin(DefinitionValidator validator, DefinitionStore store, ConnectorRuntime runtime) {
        this.validator = validator;
        this.store = store;
        this.runtime = runtime;
    }

    /** A definition's text checked: the definition when it could be read, and every problem. */
    public record Checked(ConnectorDefinition definition, List<DefinitionProblem> problems) {
        public boolean valid() {
            return definition != null && problems.isEmpty();
        }
    }

    public Checked check(String text) {
        DefinitionReader.Result read = reader.read(text);
        List<DefinitionProblem> problems = new ArrayList<>(read.problems());
        if (read.definition() != null) {
            problems.addAll(validator.validate(read.definition()));
        }
        return new Checked(read.definition(), List.copyOf(problems));
    }

    /**
     * Adds or replaces a valid definition: stored first (so it survives a restart even if starting
     * fails), then started. A replaced connector keeps its pause.
     *
     * @return the check; the connector was added only when it is valid
     */
    public Checked add(String text) {
        Checked checked = check(text);
        if (checked.valid()) {
            ConnectorDefinition d = checked.definition();
            boolean paused = runtime.find(d.id()).map(i -> i.status().isPaused()).orElse(false);
            store.save(d);
            runtime.apply(d, paused, List.of());
        }
        return checked;
    }

    public void pause(ConnectorInstance instance) {
        store.setPaused(instance.id(), true);
        runtime.pause(instance);
    }

    public void resume(ConnectorInstance instance) {
        store.setPaused(instance.id(), false);
        runtime.resume(instance);
    }
}
