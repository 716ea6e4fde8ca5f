package dev.subsidy.connector.api;

import java.util.Objects;

/**
 * One thing wrong with a connector's settings.
 *
 * <p>A message never repeats the value of a secret setting. Immutable and thread-safe.
 *
 * @param setting the setting concerned
 * @param message what is wrong, for the operator ("required", "not an integer: 'ten'", …)
 */
public record ConfigProblem(String setting, String message) {

    public ConfigProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return setting + ": " + message;
    }
}
