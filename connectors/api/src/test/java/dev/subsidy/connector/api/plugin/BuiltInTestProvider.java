package dev.subsidy.connector.api.plugin;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;

/** A provider on the test class path, standing for a built-in connector type. */
public class BuiltInTestProvider implements ConnectorProvider {

    @Override
    public String name() {
        return "builtin-test";
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.PULL;
    }

    @Override
    public ConfigDef configDef() {
        return ConfigDef.empty();
    }

    @Override
    public Connector create() {
        throw new UnsupportedOperationException("not needed by the registry tests");
    }
}
