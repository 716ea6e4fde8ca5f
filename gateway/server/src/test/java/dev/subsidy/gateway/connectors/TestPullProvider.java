package dev.subsidy.gateway.connectors;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;

/**
 * A test-only pull type ({@code test-pull}, registered in the test resources' META-INF/services)
 * that reads a cursor-paged JSON API: {@code GET <base_url>/records?cursor=<c>} with header
 * {@code X-Api-Key} answers {@code {"records": [...], "next": "<c'>", "more": true|false}}.
 */
public class TestPullProvider implements ConnectorProvider {

    public static final String NAME = "test-pull";

    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigDef.Setting.required("base_url", ConfigDef.Type.URL, "the test partner"))
            .define(ConfigDef.Setting.required("api_key", ConfigDef.Type.STRING, "key sent as X-Api-Key").secret())
            .define(ConfigDef.Setting.optional("page_size", ConfigDef.Type.INT, "50", "items per page").check(ConfigDef.ValueCheck.between(1, 100)))
            // a badly written connector that puts its secret in error messages: the gateway must not leak it
            .define(ConfigDef.Setting.optional("leak_secret_in_errors", ConfigDef.Type.BOOLEAN, "false", "for the redaction test"))
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.PULL;
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public Connector create() {
        return new TestPullConnector();
    }
}
