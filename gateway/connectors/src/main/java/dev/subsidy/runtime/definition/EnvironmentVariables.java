package dev.subsidy.runtime.definition;

import java.util.Optional;

/**
 * Where secret references are resolved: the process environment. An interface so tests can give
 * values without touching the real environment. Thread-safe.
 */
@FunctionalInterface
public interface EnvironmentVariables {

    /** The process environment. */
    EnvironmentVariables SYSTEM = name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());

    /** The variable's value; empty when unset or blank. */
    Optional<String> get(String name);
}
