package dev.subsidy.runtime.admin;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.definition.DefinitionFolder;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.DefinitionReader;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.runtime.definition.DefinitionValidator;
import dev.subsidy.runtime.pull.CheckpointStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin API does with definitions: check one (every problem at once), add or replace one
 * (stored, then started, without a restart), pause and resume (stored, so they survive restarts),
 * delete one (stopped and forgotten; what it stored is kept), and reset a pull connector's checkpoint.
 */
public final class ConnectorAdmin {

    private final DefinitionReader reader = new DefinitionReader();
    private final DefinitionValidator validator;
    private final DefinitionStore store;
    private final ConnectorRuntime runtime;
    private final DefinitionFolder folder;
    private final CheckpointStore checkpoints;

    ConnectorAdmin(DefinitionValidator validator, DefinitionStore store, ConnectorRuntime runtime, DefinitionFolder folder,
                   CheckpointStore checkpoints) {
        this.validator = validator;
        this.store = store;
        this.runtime = runtime;
        this.folder = folder;
        this.checkpoints = checkpoints;
    }

    /** Why a delete or a reset was refused, in words for the administrator (409). */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
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

    /**
     * Deletes a connector added through the API: its route stops (a run in flight is ended first), its
     * definition is removed from the store, and its records, batches, rejections, checkpoint and run
     * history stay. A connector defined by a file of {@code gateway.connectors.dir} is refused: the file
     * would add it again at the next start, so the file is what must go.
     *
     * @return the stopped instance (STOPPED), or empty when no connector has this id
     * @throws Refused when the connector is defined by a file
     */
    public Optional<ConnectorInstance> delete(String id) {
        if (runtime.find(id).isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> file = folder.read().stream()
                .filter(e -> e.result().definition() != null && e.result().definition().id().equals(id))
                .map(DefinitionFolder.Entry::file).findFirst();
        if (file.isPresent()) {
            throw new Refused("connector " + id + " is configured in a file, " + file.get().getFileName() + " in "
                    + folder.dir() + ": remove that file (it would add the connector again at the next start), "
                    + "or pause the connector");
        }
        store.delete(id);
        return runtime.remove(id);
    }

    /**
     * Forgets a pull connector's checkpoint: its next run, due at once unless it is paused, reads from the
     * start; what it read before comes again and is counted as duplicates, never twice.
     *
     * @throws Refused when it is not a pull connector, or a run is in progress (its commit would write a checkpoint again)
     */
    public void resetCheckpoint(ConnectorInstance instance) {
        if (instance.kind().orElse(null) != ConnectorKind.PULL) {
            throw new Refused("connector " + instance.id() + " is not a pull connector: it has no checkpoint to reset");
        }
        if (!instance.status().holdIfIdle()) {
            throw new Refused("connector " + instance.id() + " is running now: reset its checkpoint when the run has ended");
        }
        try {
            checkpoints.reset(instance.id());
        } finally {
            instance.status().release();
        }
        if (!instance.status().isPaused()) {
            runtime.runNow(instance);
        }
    }

    /**
     * Sets a pull connector's checkpoint to an operator's value once the connector has checked it fits
     * (Kafka Connect's offsets API); its next run, due at once unless it is paused, reads from there.
     *
     * @throws Refused when it is not a pull connector, or a run is in progress
     * @throws BadCheckpoint when the connector would not resume from the value, with its reason
     */
    public void setCheckpoint(ConnectorInstance instance, Map<String, String> entries) {
        if (instance.kind().orElse(null) != ConnectorKind.PULL) {
            throw new Refused("connector " + instance.id() + " is not a pull connector: it has no checkpoint to set");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.of(entries);
        } catch (IllegalArgumentException e) {
            throw new BadCheckpoint(e.getMessage());
        }
        if (!instance.status().holdIfIdle()) {
            throw new Refused("connector " + instance.id() + " is running now: set its checkpoint when the run has ended");
        }
        try {
            PullConnector connector;
            try {
                connector = instance.pull();
            } catch (ConnectorException e) {
                throw new Refused("connector " + instance.id() + " cannot start, so no checkpoint can be checked: "
                        + instance.redactor().redact(e.getMessage()));
            }
            try {
                connector.checkCheckpoint(checkpoint);
            } catch (ConnectorException e) {
                throw new BadCheckpoint("connector " + instance.id() + " cannot resume from this checkpoint: "
                        + instance.redactor().redact(e.getMessage()));
            }
            checkpoints.put(instance.id(), instance.definition().type(), checkpoint);
        } finally {
            instance.status().release();
        }
        if (!instance.status().isPaused()) {
            runtime.runNow(instance);
        }
    }

    /** A checkpoint value the connector would not resume from; nothing was changed. */
    public static final class BadCheckpoint extends RuntimeException {
        BadCheckpoint(String message) {
            super(message);
        }
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
