package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.RequestSigner;
import java.time.Clock;
import java.util.Map;

/** A context for file connectors, which need only their settings. */
public record TestContext(ConnectorConfig config) implements ConnectorContext {

    public static TestContext of(Map<String, String> settings) {
        return new TestContext(new FileConnectorProvider().configDef().parse(settings));
    }

    @Override
    public String connectorId() {
        return "test-inbox";
    }

    @Override
    public HttpTransport http() {
        throw new UnsupportedOperationException("a file connector makes no calls");
    }

    @Override
    public RequestSigner signer(String name) {
        throw new UnsupportedOperationException("a file connector signs nothing");
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
