package dev.subsidy.runtime;

import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway lends one running connector instance. Thread-safe; its only state is whether the
 * instance was stopped, which ends every {@link #sleep} in progress.
 */
final class RuntimeContext implements ConnectorContext {

    private final String connectorId;
    private final ConnectorConfig config;
    private final HttpTransport http;
    private final ConnectorRegistry registry;
    private final Clock clock;
    /** Counted down once, when the instance stops: a connector waiting inside a call wakes at once. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    RuntimeContext(String connectorId, ConnectorConfig config, HttpTransport http, ConnectorRegistry registry, Clock clock) {
        this.connectorId = connectorId;
        this.config = config;
        this.http = http;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public ConnectorConfig config() {
        return config;
    }

    @Override
    public HttpTransport http() {
        return http;
    }

    @Override
    public RequestSigner signer(String name) {
        return registry.findSigner(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown request signer '" + name + "'; known signers: " + registry.signerNames().keySet()));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /**
     * Waits like the default, but ends early when the connector is stopped (replaced, paused for good,
     * shut down): a partner's long {@code Retry-After} or a rate-limit permit must not hold a stopping
     * connector, nor the Camel route that waits for it to end.
     *
     * @throws InterruptedException when the connector was stopped or the thread interrupted
     */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (stopped.getCount() == 0) {
            throw new InterruptedException("connector " + connectorId + " is stopped");
        }
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        if (stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("connector " + connectorId + " was stopped while waiting");
        }
    }

    /** Ends every wait in progress and refuses new ones. Idempotent. */
    void close() {
        stopped.countDown();
    }

    @Override
    public String toString() {
        return "ConnectorContext[" + connectorId + ", " + config + "]";
    }
}
