package dev.subsidy.runtime.push;

import java.util.Optional;

/**
 * Feeder tokens kept elsewhere than in {@code gateway.security.feeder-tokens}: the push connectors'
 * definitions name the environment variable of their token. Consulted on every request, so a
 * connector added or replaced at runtime is honoured at once. Thread-safe.
 */
public interface FeederTokenSource {

    /**
     * The push connector whose feeder presents this token, if any. Implementations compare in
     * constant time and never log the token.
     */
    Optional<String> connectorFor(String presentedToken);
}
