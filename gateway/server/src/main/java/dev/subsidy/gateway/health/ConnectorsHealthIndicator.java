package dev.subsidy.gateway.health;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.ConnectorState;
import dev.subsidy.runtime.ConnectorStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code connectors} health component: DOWN while any connector is FAILING, naming each, with
 * every connector's state in the details. Not part of readiness (application.yml): one failing
 * partner must not take the gateway out of service for every feeder.
 */
@Component("connectorsHealthIndicator")
class ConnectorsHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ConnectorRuntime> runtime;

    ConnectorsHealthIndicator(ObjectProvider<ConnectorRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        ConnectorRuntime connectors = runtime.getIfAvailable();
        if (connectors == null) {
            return Health.unknown().withDetail("reason", "the connector runtime is not running").build();
        }
        List<String> failing = new ArrayList<>();
        Map<String, Object> each = new TreeMap<>();
        for (ConnectorInstance connector : connectors.all()) {
            ConnectorStatus.Snapshot status = connector.status().snapshot();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", status.state().name());
            if (status.state() == ConnectorState.FAILING) {
                failing.add(connector.id());
                detail.put("failures", status.failures());
                // already stripped of secrets by the runtime; shown to the administrator only
                putIfPresent(detail, "lastError", status.lastError());
                putIfPresent(detail, "lastErrorAt", status.lastErrorAt());
            }
            putIfPresent(detail, "lastSuccess", status.lastSuccess());
            each.put(connector.id(), detail);
        }
        failing.sort(null);
        Health.Builder health = failing.isEmpty() ? Health.up() : Health.status(HealthProperties.DEGRADED).withDetail("failing", failing);
        return health.withDetail("connectors", each).build();
    }

    private static void putIfPresent(Map<String, Object> detail, String key, Object value) {
        if (value != null) {
            detail.put(key, value.toString());
        }
    }
}
