package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.RunTally;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Whether a tick starts a run: the connector exists, is a usable pull connector, is not paused, and
 * is due (its schedule, a backoff after failures, or run now). Fixes the instance for the whole
 * run, so a replacement during the run does not mix two instances.
 */
final class DueCheck implements Predicate {

    private final ObjectProvider<ConnectorRuntime> runtime;
    private final Clock clock;

    DueCheck(ObjectProvider<ConnectorRuntime> runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public boolean matches(Exchange exchange) {
        String id = exchange.getMessage().getHeader(ConnectorHeaders.CONNECTOR_ID, String.class);
        Optional<ConnectorInstance> instance = runtime.getObject().find(id)
                .filter(i -> i.kind().orElse(null) == ConnectorKind.PULL)
                .filter(i -> i.status().startIfDue(clock.instant())); // ended by RunSucceeded or RunFailed
        instance.ifPresent(i -> {
            exchange.setProperty(ConnectorHeaders.INSTANCE, i);
            exchange.setProperty(ConnectorHeaders.TALLY, new RunTally(clock.instant()));
        });
        return instance.isPresent();
    }
}
