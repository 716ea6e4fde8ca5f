package dev.subsidy.gateway.tracecheck;

import dev.subsidy.connector.partners.carriers.CarrierApi;
import dev.subsidy.connector.partners.carriers.query.TraceQueryProvider;
import dev.subsidy.connector.partners.carriers.query.TraceQuerySettings;
import dev.subsidy.model.Carrier;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@code trace-query} connector the gateway asks about a carrier's parcels: a running definition
 * (from the folder or the API) whose {@code carrier} setting names that carrier, usable and not paused
 * (an operator who paused it wants the carrier left alone); of several, the first by id.
 */
@Component
class CarrierConnectors {

    private final ConnectorRuntime runtime;

    CarrierConnectors(ConnectorRuntime runtime) {
        this.runtime = runtime;
    }

    Optional<ConnectorInstance> forCarrier(Carrier carrier) {
        return candidates(carrier).stream().filter(i -> i.context().isPresent() && i.status().isUsable() && !i.status().isPaused())
                .findFirst();
    }

    /** Why no connector serves the carrier, for the reply. */
    String whyNone(Carrier carrier) {
        List<ConnectorInstance> all = candidates(carrier);
        if (all.isEmpty()) {
            return "no trace-query connector has carrier " + carrier.name().toLowerCase(Locale.ROOT);
        }
        return "its trace-query connectors are paused or cannot be used: "
                + String.join(", ", all.stream().map(ConnectorInstance::id).toList());
    }

    private List<ConnectorInstance> candidates(Carrier carrier) {
        return runtime.all().stream()
                .filter(i -> TraceQueryProvider.NAME.equals(i.definition().type()))
                .filter(i -> CarrierApi.named(i.definition().settings().get(TraceQuerySettings.CARRIER))
                        .map(api -> api.standardCode() == carrier).orElse(false))
                .toList();
    }
}
