package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs one carrier call with retries: only retryable failures (a transient fault, the carrier's rate
 * limit) are tried again, after the carrier's {@code Retry-After} when it gave one, else after a
 * backoff that doubles per attempt. Waits go through {@link ConnectorContext#sleep} (the gateway ends
 * them on stop; tests advance a fake clock). A wait longer than the allowed maximum is not waited here:
 * the failure goes to the gateway carrying that wait, and the gateway polls again after it. Each
 * attempt rebuilds its request, so a signed timestamp is always fresh. Thread-safe (no mutable state).
 */
final class Attempts {

    /** One attempt. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws ConnectorException, InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxWait;
    private final ConnectorContext context;
    private final BooleanSupplier stopped;

    Attempts(int maxAttempts, Duration initialBackoff, Duration maxWait, ConnectorContext context, BooleanSupplier stopped) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxWait = maxWait;
        this.context = context;
        this.stopped = stopped;
    }

    <T> T call(Attempt<T> attempt) throws ConnectorException, InterruptedException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (ConnectorException e) {
                if (!e.isRetryable() || n >= maxAttempts) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElse(initialBackoff.multipliedBy(1L << Math.min(n - 1, 20)));
                if (wait.compareTo(maxWait) > 0) {
                    throw new ConnectorException(e.reason(), e.getMessage() + " (asked to wait " + wait + ")", wait, e);
                }
                pause(wait);
            }
        }
    }

    private void pause(Duration wait) throws InterruptedException {
        if (stopped.getAsBoolean()) {
            throw new InterruptedException("connector stopped");
        }
        context.sleep(wait);
        if (stopped.getAsBoolean()) {
            throw new InterruptedException("connector stopped");
        }
    }
}
