package dev.subsidy.connector.file.fuzz;

import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.file.FileConnectorProvider;
import java.time.Clock;
import java.util.Map;

/** The context of a file connector, which needs only its settings. */
record FileContext(ConnectorConfig config) implements ConnectorContext {

    static FileContext of(Map<String, String> settings) {
        return new FileContext(new FileConnectorProvider().configDef().parse(settings));
    }

    @Override
    public String connectorId() {
        return "fuzzed-inbox";
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
