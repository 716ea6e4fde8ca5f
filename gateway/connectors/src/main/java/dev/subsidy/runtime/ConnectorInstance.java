package dev.subsidy.runtime;

import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.http.GuardedHttpTransport;
import java.time.Duration;
import java.util.Optional;

/**
 * One defined connector as it runs: its definition, the provider's instance (created and started on
 * first use, so that a connector whose partner is down still starts and a start failure is retried
 * like a failed poll), its transport, status, redactor and, for a push connector, its feeder token.
 *
 * <p>Thread-safe: starting and stopping are synchronized; a pull instance is polled by its route's
 * one timer thread only.
 */
public final class ConnectorInstance {

    private final ConnectorDefinition definition;
    private final ConnectorProvider provider;
    private final RuntimeContext context;
    private final GuardedHttpTransport transport;
    private final ConnectorStatus status;
    private final Redactor redactor;
    private final Secret feederToken;
    private final Duration schedule;
    private Connector connector;
    private boolean stopped;

    ConnectorInstance(ConnectorDefinition definition, ConnectorProvider provider, RuntimeContext context,
                      GuardedHttpTransport transport, ConnectorStatus status, Redactor redactor, Secret feederToken,
                      Duration schedule) {
        this.definition = definition;
        this.provider = provider;
        this.context = context;
        this.transport = transport;
        this.status = status;
        this.redactor = redactor;
        this.feederToken = feederToken;
        this.schedule = schedule;
    }

    public String id() {
        return definition.id();
    }

    public ConnectorDefinition definition() {
        return definition;
    }

    /** The provider's kind; empty when the type is unknown (an unusable stored definition). */
    public Optional<ConnectorKind> kind() {
        return Optional.ofNullable(provider).map(ConnectorProvider::kind);
    }

    public ConnectorStatus status() {
        return status;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** The poll interval of a pull connector. */
    public Duration schedule() {
        return schedule;
    }

    /** The feeder's token of a push connector. */
    public Optional<Secret> feederToken() {
        return Optional.ofNullable(feederToken);
    }

    public PullConnector pull() throws ConnectorException {
        return (PullConnector) started();
    }

    public PushConnector push() throws ConnectorException {
        return (PushConnector) started();
    }

    public FileConnector file() throws ConnectorException {
        return (FileConnector) started();
    }

    /**
     * The definition's settings, parsed and with secrets resolved: what the gateway itself reads of a
     * type's settings (a file connector's quiet period).
     *
     * @throws IllegalStateException when the definition cannot be used
     */
    public ConnectorConfig config() {
        if (context == null) {
            throw new IllegalStateException("connector " + id() + " cannot be used: it has no settings");
        }
        return context.config();
    }

    /**
     * What the instance runs with (settings with secrets resolved, its transport with the definition's
     * rate limit, the signers, the clock): for the gateway's own calls through a connector, such as trace
     * verification, which must share the connector's rate limit. Empty when the definition cannot be used.
     */
    public Optional<ConnectorContext> context() {
        return Optional.ofNullable(context);
    }

    private synchronized Connector started() throws ConnectorException {
        if (stopped) {
            throw new ConnectorException(ConnectorException.Reason.TRANSIENT, "the connector was stopped (replaced or shut down)");
        }
        if (!status.isUsable() || provider == null) {
            throw new ConnectorException(ConnectorException.Reason.CONFIGURATION, "the definition cannot be used");
        }
        if (connector == null) {
            Connector created = provider.create();
            try {
                created.start(context);
            } catch (ConnectorException | RuntimeException e) {
                created.stop();
                throw e;
            }
            connector = created;
        }
        return connector;
    }

    /** Ends calls in flight and stops the provider's instance. Idempotent; never throws. */
    public void stop() {
        if (transport != null) {
            transport.close(); // first: a poll blocked on the network ends now, without waiting for the lock
        }
        if (context != null) {
            context.close(); // and one waiting (Retry-After, a rate-limit permit) wakes now
        }
        Connector running;
        synchronized (this) {
            stopped = true;
            running = connector;
            connector = null;
        }
        if (running != null) {
            running.stop();
        }
    }
}
