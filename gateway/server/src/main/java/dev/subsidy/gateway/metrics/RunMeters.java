package dev.subsidy.gateway.metrics;

import dev.subsidy.runtime.RunObserver;
import dev.subsidy.runtime.pull.CheckpointStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A pull connector's runs: how long each took and whether it failed, and how far behind its
 * checkpoint is. The checkpoint's age is registered at the connector's first run and read from the
 * database at each scrape, so it keeps growing while the connector fails or is paused.
 */
@Component
class RunMeters implements RunObserver {

    private final MeterRegistry registry;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    /** The connectors whose checkpoint age is registered (Micrometer warns of a gauge registered twice). */
    private final Set<String> withCheckpointAge = ConcurrentHashMap.newKeySet();

    RunMeters(MeterRegistry registry, CheckpointStore checkpoints, Clock clock) {
        this.registry = registry;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Override
    public void runEnded(String connectorId, Duration took, boolean succeeded) {
        Timer.builder(MetricNames.CONNECTOR_POLL)
                .description("a pull connector's runs: poll, map and store until it has no more")
                .tags(MetricNames.CONNECTOR, connectorId, MetricNames.OUTCOME, succeeded ? "success" : "failure")
                .register(registry)
                .record(took);
        if (!succeeded) {
            registry.counter(MetricNames.CONNECTOR_FAILURES, MetricNames.CONNECTOR, connectorId).increment();
        }
        if (withCheckpointAge.add(connectorId)) {
            registerCheckpointAge(connectorId);
        }
    }

    private void registerCheckpointAge(String connectorId) {
        Gauge.builder(MetricNames.CONNECTOR_CHECKPOINT_AGE, () -> checkpointAgeSeconds(connectorId))
                .description("seconds since the connector's checkpoint last moved")
                .tag(MetricNames.CONNECTOR, connectorId)
                .baseUnit("seconds")
                .register(registry);
    }

    private double checkpointAgeSeconds(String connectorId) {
        return checkpoints.lastMoved(connectorId)
                .map(moved -> Duration.between(moved, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}
