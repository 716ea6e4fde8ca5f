package dev.subsidy.runtime.admin;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.definition.DefinitionFolder;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.runtime.definition.DefinitionValidator;
import dev.subsidy.runtime.pull.CheckpointStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the connectors once the application (and Camel) is up: the definition files of
 * {@code gateway.connectors.dir} are checked and stored (a file with problems stops the gateway
 * with every problem named, as a bad policy file does), then every stored definition starts,
 * files' and API-added ones alike. A stored definition that no longer validates (an environment
 * variable gone since it was added) starts as FAILING with its problems instead of stopping the
 * gateway.
 */
final class ConnectorStartup implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ConnectorStartup.class);

    private final DefinitionFolder folder;
    private final DefinitionStore store;
    private final DefinitionValidator validator;
    private final ConnectorRuntime runtime;
    private final CheckpointStore checkpoints;

    ConnectorStartup(DefinitionFolder folder, DefinitionStore store, DefinitionValidator validator,
                     ConnectorRuntime runtime, CheckpointStore checkpoints) {
        this.folder = folder;
        this.store = store;
        this.validator = validator;
        this.runtime = runtime;
        this.checkpoints = checkpoints;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<String> refused = new ArrayList<>();
        List<DefinitionFolder.Entry> entries = folder.read();
        for (DefinitionFolder.Entry e : entries) {
            List<DefinitionProblem> problems = new ArrayList<>(e.result().problems());
            if (e.result().definition() != null) {
                problems.addAll(validator.validate(e.result().definition()));
            }
            if (!problems.isEmpty()) {
                refused.add(e.file() + ": " + problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("; ")));
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("connector definitions with problems in " + folder.dir() + ":\n  "
                    + String.join("\n  ", refused));
        }
        entries.forEach(e -> store.save(e.result().definition()));
        for (DefinitionStore.Stored s : store.all((id, problems) -> log.error("stored connector definition {} cannot be read: {}", id, problems))) {
            ConnectorInstance instance = runtime.apply(s.definition(), s.paused(), validator.validate(s.definition()));
            checkpoints.lastMoved(s.definition().id()).ifPresent(instance.status()::lastSuccessAtLeast);
        }
        log.info("connectors: {} from {}, {} running", entries.size(), folder.dir(), runtime.all().size());
    }
}
