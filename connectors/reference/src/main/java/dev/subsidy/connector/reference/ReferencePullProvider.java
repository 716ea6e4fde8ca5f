package dev.subsidy.connector.reference;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;

/**
 * The {@code reference-pull} connector type. Stateless and thread-safe, as every provider is: it only
 * describes the settings and creates instances.
 */
public final class ReferencePullProvider implements ConnectorProvider {

    /** The type name definitions use. */
    public static final String NAME = "reference-pull";

    /** The API's URL, without query: {@code ?offset=N&limit=M} is added. */
    public static final String URL = "url";
    /** Records per page (the {@code limit}). */
    public static final String PAGE_SIZE = "page_size";
    /** Optional bearer token, from the environment. */
    public static final String TOKEN = "token";

    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(Setting.required(URL, Type.URL, "The JSON Lines API, e.g. https://partner.example.com/records"))
            .define(Setting.optional(PAGE_SIZE, Type.INT, "100", "Records per page").check(ConfigDef.ValueCheck.between(1, 1000)))
            .define(Setting.optional(TOKEN, Type.STRING, null, "Bearer token sent as Authorization, if the API needs one").secret())
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
        return new ReferencePullConnector();
    }

    @Override
    public String description() {
        return "Reference connector: a paged JSON Lines HTTP API (offset and limit)";
    }
}
