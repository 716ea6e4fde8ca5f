package dev.subsidy.gateway.connectors;

import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import java.time.Clock;

/** What the gateway lends one running connector instance. Immutable and thread-safe. */
final class RuntimeContext implements ConnectorContext {

    private final String connectorId;
    private final ConnectorConfig config;
    private final HttpTransport http;
    private final ConnectorRegistry registry;
    private final Clock clock;

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

    @Override
    public String toString() {
        return "ConnectorContext[" + connectorId + ", " + config + "]";
    }
}
