package dev.subsidy.runtime.push;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The feeder tokens of the push connectors that run now, each resolved from its definition's
 * {@code feederTokenEnv} when the connector started. Compared in constant time
 * ({@link dev.subsidy.connector.api.Secret#matches}).
 */
public final class DefinitionFeederTokens implements FeederTokenSource {

    /** Lazy: the token filter is made while the web server starts, before the runtime should be. */
    private final ObjectProvider<ConnectorRuntime> runtime;

    public DefinitionFeederTokens(ObjectProvider<ConnectorRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public Optional<String> connectorFor(String presentedToken) {
        for (ConnectorInstance instance : runtime.getObject().all()) {
            if (instance.kind().orElse(null) == ConnectorKind.PUSH
                    && instance.feederToken().map(t -> t.matches(presentedToken)).orElse(false)) {
                return Optional.of(instance.id());
            }
        }
        return Optional.empty();
    }
}
