package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.RunTally;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.slf4j.MDC;
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
            RunTally tally = new RunTally(clock.instant());
            exchange.setProperty(ConnectorHeaders.TALLY, tally);
            i.status().tracking(tally);
            exchange.setProperty(ConnectorHeaders.RUN_STARTED, System.nanoTime());
            // the run's log lines carry the connector (docs/operations.md "Logs"); each pull connector has
            // its own timer thread, and RunSucceeded or RunFailed takes the key off it again
            MDC.put(ConnectorHeaders.MDC_CONNECTOR, i.id());
        });
        return instance.isPresent();
    }
}
