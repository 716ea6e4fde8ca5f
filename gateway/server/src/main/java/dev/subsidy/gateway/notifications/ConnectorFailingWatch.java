package dev.subsidy.gateway.notifications;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.ConnectorState;
import dev.subsidy.runtime.ConnectorStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Connectors in state FAILING, as the {@code connectors} health component reads them. A failing connector's
 * incident is over once it succeeds again, or an operator pauses or deletes it; a restart alone (which
 * forgets the failures) does not end it.
 */
final class ConnectorFailingWatch implements Watch {

    private final ObjectProvider<ConnectorRuntime> runtime;

    ConnectorFailingWatch(ObjectProvider<ConnectorRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public NotificationEvent event() {
        return NotificationEvent.CONNECTOR_FAILING;
    }

    @Override
    public List<Finding> findings(Instant now) {
        ConnectorRuntime connectors = runtime.getIfAvailable();
        if (connectors == null) {
            return List.of();
        }
        List<Finding> failing = new ArrayList<>();
        for (ConnectorInstance connector : connectors.all()) {
            ConnectorStatus.Snapshot status = connector.status().snapshot();
            if (status.state() == ConnectorState.FAILING) {
                failing.add(new Finding(connector.id(), reason(status)));
            }
        }
        return failing;
    }

    @Override
    public boolean cleared(Incident incident, Instant now) {
        ConnectorRuntime connectors = runtime.getIfAvailable();
        if (connectors == null) {
            return false; // not known: the runtime is not running
        }
        Optional<ConnectorInstance> connector = connectors.find(incident.subject());
        if (connector.isEmpty()) {
            return true; // deleted
        }
        ConnectorStatus.Snapshot status = connector.get().status().snapshot();
        return switch (status.state()) {
            case FAILING -> false;
            case PAUSED, STOPPED -> true;
            default -> status.lastSuccess() != null && status.lastSuccess().isAfter(incident.openedAt());
        };
    }

    private static String reason(ConnectorStatus.Snapshot status) {
        // the last error is already stripped of secrets by the runtime
        String error = status.lastError() == null ? "no error recorded" : status.lastError();
        return status.failures() > 0 ? error + " (" + status.failures() + " failed runs in a row)" : error;
    }
}
