package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs one partner call under the instance's rate limit and retry policy, both Resilience4j, both
 * owned by this instance alone (never a shared registry: one connector's limit is not another's).
 *
 * <ul>
 *   <li><b>Rate limit</b> ({@code rate_limit} calls per {@code rate_limit_period}): each attempt
 *       reserves a permit ({@link RateLimiter#reservePermission()}) and waits for it.</li>
 *   <li><b>Retry</b> ({@code retry_max_attempts}): only {@link ConnectorException#isRetryable()
 *       retryable} failures; the wait is the partner's {@code Retry-After} when it sent one, else an
 *       exponential backoff ({@code retry_initial_backoff} × {@code retry_backoff_multiplier}ⁿ, at most
 *       {@code retry_max_backoff}).</li>
 *   <li><b>Waits</b> go through {@link ConnectorContext#sleep}, so the gateway can end them on stop and
 *       tests advance a fake clock. Resilience4j decides (its {@link Retry.AsyncContext} returns the
 *       delay instead of sleeping the thread itself); this class waits. A wait longer than
 *       {@code retry_max_wait} is not waited here: the poll ends with the failure carrying that wait
 *       as its {@link ConnectorException#retryAfter()}, and the gateway polls again after it.</li>
 * </ul>
 *
 * <p>Idempotency is the caller's: the attempt is called again as it is, so it must rebuild its request
 * (fresh timestamp and signature). Thread-safe, though an instance polls from one thread at a time.
 */
final class ResilientCaller {

    private static final System.Logger LOG = System.getLogger(ResilientCaller.class.getName());

    /** One attempt of a call. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws ConnectorException, InterruptedException;
    }

    private final String connectorId;
    private final RetrySpec spec;
    private final ConnectorContext context;
    private final BooleanSupplier stopped;
    private final Retry retry;
    private final RateLimiter limiter;

    ResilientCaller(String connectorId, RetrySpec spec, ConnectorContext context, BooleanSupplier stopped) {
        this.connectorId = connectorId;
        this.spec = spec;
        this.context = context;
        this.stopped = stopped;
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(spec.initialBackoff(), spec.multiplier(), spec.maxBackoff());
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof ConnectorException e && e.retryAfter().isPresent()) {
                return e.retryAfter().get().toMillis();
            }
            return backoff.apply(attempt);
        };
        this.retry = Retry.of(connectorId, RetryConfig.custom()
                .maxAttempts(spec.maxAttempts())
                .retryOnException(t -> t instanceof ConnectorException e && e.isRetryable())
                .intervalBiFunction(interval)
                .build());
        this.limiter = spec.rateLimit() <= 0 ? null : RateLimiter.of(connectorId, RateLimiterConfig.custom()
                .limitForPeriod(spec.rateLimit())
                .limitRefreshPeriod(spec.ratePeriod())
                .timeoutDuration(spec.maxWait())
                .build());
    }

    <T> T call(Attempt<T> attempt) throws ConnectorException, InterruptedException {
        Retry.AsyncContext<Object> decisions = retry.asyncContext();
        for (int n = 1; ; n++) {
            awaitPermit();
            try {
                T result = attempt.run();
                decisions.onComplete();
                return result;
            } catch (ConnectorException e) {
                long delay = decisions.onError(e);
                if (delay < 0) {
                    throw e;
                }
                Duration wait = Duration.ofMillis(delay);
                if (wait.compareTo(spec.maxWait()) > 0) {
                    throw new ConnectorException(e.reason(), e.getMessage() + " (asked to wait " + wait + ", longer than retry_max_wait "
                            + spec.maxWait() + ")", wait, null);
                }
                LOG.log(System.Logger.Level.INFO, "{0}: {1} ({2}); attempt {3} of {4} in {5}",
                        connectorId, e.reason(), e.getMessage(), n + 1, spec.maxAttempts(), wait);
                pause(wait);
            }
        }
    }

    private void awaitPermit() throws ConnectorException, InterruptedException {
        if (limiter == null) {
            return;
        }
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw new ConnectorException(Reason.RATE_LIMITED, "this connector's rate limit (" + spec.rateLimit() + " per "
                    + spec.ratePeriod() + ") allows no call within retry_max_wait " + spec.maxWait(), spec.ratePeriod(), null);
        }
        pause(Duration.ofNanos(nanos));
    }

    private void pause(Duration wait) throws InterruptedException {
        if (stopped.getAsBoolean()) {
            throw new InterruptedException("connector " + connectorId + " stopped");
        }
        context.sleep(wait);
        if (stopped.getAsBoolean()) {
            throw new InterruptedException("connector " + connectorId + " stopped");
        }
    }
}
