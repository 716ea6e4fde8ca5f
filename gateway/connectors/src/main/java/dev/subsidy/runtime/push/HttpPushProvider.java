package dev.subsidy.runtime.push;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;

/**
 * The built-in {@code http-push} type: a feeder posts its own records (a JSON array, NDJSON, or CSV
 * with a header row, UTF-8 or GBK) to {@code POST /api/v1/feeds/{id}/records} with the connector's
 * feeder token, and the definition's mapping turns them into standard records. No settings.
 */
public final class HttpPushProvider implements ConnectorProvider {

    public static final String NAME = "http-push";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.PUSH;
    }

    @Override
    public ConfigDef configDef() {
        return ConfigDef.empty();
    }

    @Override
    public Connector create() {
        return new HttpPushConnector();
    }

    @Override
    public String description() {
        return "native records posted by a feeder (JSON array, NDJSON or CSV), mapped by the definition's mapping";
    }
}
