package dev.subsidy.connector.api;

import java.io.IOException;

/**
 * The gateway's outbound HTTP, lent to a connector through {@link ConnectorContext#http()}: the only
 * way a connector reaches the network.
 *
 * <p>The gateway's implementation refuses any URL whose host is not on the operator's allow-list
 * (with an {@link IOException} naming the host), applies the connector instance's rate limit (a call
 * waits for a permit), and applies connect and read timeouts. It does <em>not</em> retry: the
 * connector turns a failure into a {@link ConnectorException} with its reason, and the gateway
 * repeats the idempotent {@link PullConnector#poll} with backoff.
 *
 * <p>Thread-safe: may be called concurrently. Blocking; interruptible.
 */
@FunctionalInterface
public interface HttpTransport {

    /**
     * Sends one request and reads the whole reply. Any status code is a reply, not an exception.
     *
     * @throws IOException when no reply was received (refused host, connection failure, timeout)
     * @throws InterruptedException when the calling thread is interrupted (for example by {@link Connector#stop()})
     */
    HttpReply send(HttpCall call) throws IOException, InterruptedException;
}
