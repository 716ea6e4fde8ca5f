package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.RunObserver;
import dev.subsidy.runtime.RunTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run failed (poll, mapping, storage, or the connector's start): the connector becomes FAILING
 * with the error, stripped of its secrets, and its next attempt waits for the backoff. Nothing of
 * the failed batch was stored and its checkpoint did not move, so the retry reads the same data.
 * Logged once at WARN; the stack trace (secrets redacted) only for errors that are not the
 * connector's report of its partner.
 */
final class RunFailed implements Processor {

    private static final Logger log = LoggerFactory.getLogger(RunFailed.class);

    private final ConnectorBackoff backoff;
    private final ConnectorRuns runs;
    private final Clock clock;
    private final RunObserver observer;

    RunFailed(ConnectorBackoff backoff, ConnectorRuns runs, Clock clock, RunObserver observer) {
        this.backoff = backoff;
        this.runs = runs;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ConnectorInstance instance = exchange.getProperty(ConnectorHeaders.INSTANCE, ConnectorInstance.class);
        if (instance == null) {
            // failed before a run began (the due check itself): nothing to mark, the next tick retries
            log.warn("connector tick failed before a run began: {}", failure == null ? "unknown" : failure.getClass().getName());
            return;
        }
        Instant now = clock.instant();
        String error = instance.redactor().describe(failure);
        int failures = instance.status().failed(now, error);
        Optional<Duration> retryAfter = failure instanceof ConnectorException ce ? ce.retryAfter() : Optional.empty();
        Duration wait = backoff.after(failures, retryAfter);
        instance.status().retryAt(now.plus(wait));
        instance.status().runEnded();
        RunTally tally = exchange.getProperty(ConnectorHeaders.TALLY, RunTally.class);
        if (tally != null) {
            // batches committed before the failing one stay stored, and are counted in this run
            runs.record(tally.ended(instance.id(), now, ConnectorRuns.Outcome.FAILED, error));
        }
        if (failure instanceof ConnectorException) {
            log.warn("connector {} failed (attempt {}), next attempt in {}: {}", instance.id(), failures, wait, error);
        } else {
            log.warn("connector {} failed (attempt {}), next attempt in {}: {}", instance.id(), failures, wait, error,
                    instance.redactor().copy(failure));
        }
        RunEnd.report(observer, exchange, instance, false);
    }
}
