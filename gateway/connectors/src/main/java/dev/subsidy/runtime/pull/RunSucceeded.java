package dev.subsidy.runtime.pull;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.RunObserver;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A run stored everything it read: RUNNING again, next run after the schedule (or at once for a backlog). */
final class RunSucceeded implements Processor {

    /** Property: the connector said there is more than this run took (Boolean). */
    static final String BACKLOG = "GatewayConnectorBacklog";

    private final Clock clock;
    private final RunObserver observer;

    RunSucceeded(Clock clock, RunObserver observer) {
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public void process(Exchange exchange) {
        ConnectorInstance instance = exchange.getProperty(ConnectorHeaders.INSTANCE, ConnectorInstance.class);
        Instant now = clock.instant();
        boolean backlog = exchange.getProperty(BACKLOG, false, Boolean.class);
        instance.status().succeeded(now, backlog ? now : now.plus(instance.schedule()));
        RunEnd.report(observer, exchange, instance, true);
    }
}
