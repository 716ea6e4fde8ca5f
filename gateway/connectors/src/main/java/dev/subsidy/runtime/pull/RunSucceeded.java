package dev.subsidy.runtime.pull;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.RunObserver;
import dev.subsidy.runtime.RunTally;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A run stored everything it read: IDLE again, next run after the schedule (or at once for a
 * backlog), and the run kept in the connector's history (NOTHING_NEW when the partner had nothing).
 */
final class RunSucceeded implements Processor {

    /** Property: the connector said there is more than this run took (Boolean). */
    static final String BACKLOG = "GatewayConnectorBacklog";

    private final ConnectorRuns runs;
    private final Clock clock;
    private final RunObserver observer;

    RunSucceeded(ConnectorRuns runs, Clock clock, RunObserver observer) {
        this.runs = runs;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public void process(Exchange exchange) {
        ConnectorInstance instance = exchange.getProperty(ConnectorHeaders.INSTANCE, ConnectorInstance.class);
        Instant now = clock.instant();
        boolean backlog = exchange.getProperty(BACKLOG, false, Boolean.class);
        instance.status().succeeded(now, backlog ? now : now.plus(instance.schedule()));
        instance.status().runEnded();
        RunTally tally = exchange.getProperty(ConnectorHeaders.TALLY, RunTally.class);
        if (tally != null) {
            runs.record(tally.ended(instance.id(), now,
                    tally.recordsIn() == 0 ? ConnectorRuns.Outcome.NOTHING_NEW : ConnectorRuns.Outcome.OK, null));
        }
        RunEnd.report(observer, exchange, instance, true);
    }
}
