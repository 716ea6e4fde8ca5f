package dev.subsidy.gateway.metrics;

import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.ConnectorState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** How many connectors are in each state, read from the runtime (in memory) at each scrape. */
@Component
class ConnectorStateMeters implements MeterBinder {

    private final ObjectProvider<ConnectorRuntime> runtime;

    ConnectorStateMeters(ObjectProvider<ConnectorRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ConnectorState state : ConnectorState.values()) {
            Gauge.builder(MetricNames.CONNECTORS, () -> count(state))
                    .description("connectors in each state")
                    .tag(MetricNames.STATE, state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    private long count(ConnectorState state) {
        ConnectorRuntime connectors = runtime.getIfAvailable();
        return connectors == null ? 0
                : connectors.all().stream().filter(c -> c.status().snapshot().state() == state).count();
    }
}
