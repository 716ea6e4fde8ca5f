package dev.subsidy.connector.api;

import java.time.Clock;
import java.time.Duration;

/**
 * What the gateway lends a running connector: its identity, its settings and secrets, outbound HTTP,
 * the request signers, and the clock. Implemented by the gateway; a connector only uses it.
 *
 * <p>Valid from {@link Connector#start(ConnectorContext)} until {@link Connector#stop()} returns.
 * Thread-safe: every method may be called from any thread.
 */
public interface ConnectorContext {

    /** The connector definition's id (for example {@code zto-county-a}); fine to log. */
    String connectorId();

    /** The definition's settings, validated against the provider's {@link ConfigDef}. */
    ConnectorConfig config();

    /**
     * The value of a secret setting, resolved by the gateway (from the environment: a definition only
     * names the variable). This is the only way a connector gets a secret. Never log it, never put it
     * in an exception message, a record or a checkpoint.
     *
     * @throws IllegalArgumentException when the setting is not a secret of this connector's descriptor
     * @throws IllegalStateException when the secret has no value
     */
    default Secret secret(String name) {
        return config().secret(name)
                .orElseThrow(() -> new IllegalStateException("secret setting '" + name + "' has no value"));
    }

    /** Outbound HTTP, limited to the operator's allowed hosts and this instance's rate limit. */
    HttpTransport http();

    /**
     * A request signer by name (built in, such as {@code zto} or {@code taobao-md5}, or from a plugin).
     *
     * @throws IllegalArgumentException naming the known signers when there is none of that name
     */
    RequestSigner signer(String name);

    /** The clock to read "now" from (tests use a fixed one): window ends, timestamps to sign. */
    Clock clock();

    /**
     * Waits for the given time, as measured by {@link #clock()}: the one way a connector waits inside a
     * call (a partner's {@code Retry-After}, a backoff between retries, a rate-limit permit). Going
     * through the context lets the gateway end the wait when the connector is stopped and lets tests
     * advance a fake clock instead of sleeping.
     *
     * <p>The default sleeps the calling thread. A gateway implementation may return early with an
     * {@link InterruptedException} when the connector is stopped. Zero or negative durations return at
     * once.
     *
     * @throws InterruptedException when the wait is cut short (the thread was interrupted, or the
     *     connector is being stopped); the caller abandons its work
     */
    default void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
}
