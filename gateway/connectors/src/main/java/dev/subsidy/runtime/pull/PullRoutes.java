package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorLifecycle;
import dev.subsidy.runtime.ConnectorRoutes;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * Adds a route from {@link PullRouteTemplate} when a pull connector starts and removes it when the
 * connector is stopped or replaced. Route ids are {@code connector-<id>}.
 */
public final class PullRoutes implements ConnectorLifecycle {

    /** How long removing a route waits for a run in flight (the connector was stopped first). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final CamelContext camel;
    private final Duration tick;

    public PullRoutes(CamelContext camel, Duration tick) {
        this.camel = camel;
        this.tick = tick;
    }

    public static String routeId(String connectorId) {
        return "connector-" + connectorId;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.PULL;
    }

    @Override
    public void started(ConnectorInstance instance) {
        if (instance.kind().orElse(null) != ConnectorKind.PULL) {
            return;
        }
        try {
            camel.addRouteFromTemplate(routeId(instance.id()), PullRouteTemplate.TEMPLATE_ID, Map.of(
                    ConnectorHeaders.PARAM_CONNECTOR_ID, instance.id(),
                    ConnectorHeaders.PARAM_TICK_MILLIS, String.valueOf(tick.toMillis())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the route of connector " + instance.id(), e);
        }
    }

    @Override
    public void stopped(ConnectorInstance instance) {
        ConnectorRoutes.remove(camel, routeId(instance.id()), STOP_TIMEOUT, "route", instance.id());
    }
}
