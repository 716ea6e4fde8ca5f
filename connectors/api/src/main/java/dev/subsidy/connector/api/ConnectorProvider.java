package dev.subsidy.connector.api;

import java.util.List;
import java.util.Map;

/**
 * The service-provider interface of a connector type: found with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/dev.subsidy.connector.api.ConnectorProvider})
 * and selected by {@link #name()}, which definitions name as their {@code type}.
 *
 * <p>The gateway finds providers on its own class path (built-in types) and in
 * {@code <gateway.home>/plugins/<plugin>/*.jar}, each plugin folder in its own class loader. Two
 * providers with the same name make startup fail with both named, as does a definition naming a type
 * nobody provides.
 *
 * <p>An implementation has a public no-argument constructor, is cheap to construct (no I/O, no
 * threads), holds no mutable state, and is thread-safe: the gateway keeps one instance and may call
 * every method concurrently.
 */
public interface ConnectorProvider {

    /**
     * The type name, unique across the gateway and stable forever (definitions refer to it):
     * lower case letters, digits and dashes, such as {@code http-pull}, {@code zto-trace-push}.
     */
    String name();

    /** The kind of connector {@link #create()} returns. */
    ConnectorKind kind();

    /** The settings a definition of this type accepts. */
    ConfigDef configDef();

    /**
     * Every problem with a definition's settings, at once. The default checks them against
     * {@link #configDef()}; override to add checks that span settings, and include the default's
     * problems. Never throws on bad input; never calls the partner.
     */
    default List<ConfigProblem> validate(Map<String, String> settings) {
        return configDef().validate(settings);
    }

    /**
     * A new, unstarted connector instance implementing the interface of {@link #kind()}. Called once
     * per definition (and again when the definition is replaced).
     */
    Connector create();

    /** One line for operators: what this type connects to. */
    default String description() {
        return "";
    }
}
