package dev.subsidy.runtime;

import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.definition.DefinitionProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running connectors, by id. Adding a definition whose id runs already replaces that instance:
 * the old one is stopped (its calls in flight cancelled, its route removed) before the new one
 * starts, so one id never runs twice. Lookups are lock-free; changes are serialised.
 */
public final class ConnectorRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final Map<String, ConnectorInstance> instances = new ConcurrentHashMap<>();
    private final InstanceFactory factory;
    private final List<ConnectorLifecycle> lifecycles;
    private final Clock clock;

    public ConnectorRuntime(InstanceFactory factory, List<ConnectorLifecycle> lifecycles, Clock clock) {
        this.factory = factory;
        this.lifecycles = List.copyOf(lifecycles);
        this.clock = clock;
    }

    /**
     * Starts a definition, replacing the instance of the same id.
     *
     * @param problems what the validator found; not empty makes an instance that shows them and never runs
     */
    public synchronized ConnectorInstance apply(ConnectorDefinition definition, boolean paused, List<DefinitionProblem> problems) {
        ConnectorInstance previous = instances.remove(definition.id());
        if (previous != null) {
            stop(previous);
        }
        ConnectorInstance instance = factory.create(definition, paused, problems);
        if (previous != null) {
            instance.status().lastSuccessAtLeast(previous.status().snapshot().lastSuccess());
        }
        instances.put(definition.id(), instance);
        for (ConnectorLifecycle l : lifecycles) {
            try {
                l.started(instance);
            } catch (RuntimeException e) {
                // shown as STOPPED with the reason instead of failing the add or the startup of every other connector
                String reason = "could not start: " + instance.redactor().describe(e);
                instance.status().stopped(clock.instant(), reason);
                log.error("connector {} {}", definition.id(), reason, instance.redactor().copy(e));
            }
        }
        log.info("connector {} ({}) {}{}", definition.id(), definition.type(), previous == null ? "started" : "replaced",
                problems.isEmpty() ? "" : " but unusable: " + problems.size() + " problem(s)");
        return instance;
    }

    public Optional<ConnectorInstance> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(instances.get(id));
    }

    /** Every instance, in id order. */
    public List<ConnectorInstance> all() {
        List<ConnectorInstance> list = new ArrayList<>(instances.values());
        list.sort(Comparator.comparing(ConnectorInstance::id));
        return list;
    }

    public void runNow(ConnectorInstance instance) {
        instance.status().runNow(clock.instant());
    }

    public void pause(ConnectorInstance instance) {
        instance.status().pause();
    }

    public void resume(ConnectorInstance instance) {
        instance.status().resume(clock.instant());
    }

    /**
     * Stops a connector for good and forgets it: its route is removed (a run in flight is ended first),
     * and it is STOPPED in the instance handed back. What it stored stays where it is.
     *
     * @return the stopped instance, or empty when no connector has this id
     */
    public synchronized Optional<ConnectorInstance> remove(String id) {
        ConnectorInstance instance = id == null ? null : instances.remove(id);
        if (instance == null) {
            return Optional.empty();
        }
        stop(instance);
        instance.status().stopped(clock.instant(), "deleted");
        log.info("connector {} ({}) deleted", id, instance.definition().type());
        return Optional.of(instance);
    }

    private void stop(ConnectorInstance instance) {
        instance.stop();
        for (ConnectorLifecycle l : lifecycles) {
            l.stopped(instance);
        }
    }

    /** Stops every connector (shutdown). */
    @Override
    public synchronized void close() {
        Collection<ConnectorInstance> all = new ArrayList<>(instances.values());
        instances.clear();
        all.forEach(ConnectorInstance::stop);
    }
}
