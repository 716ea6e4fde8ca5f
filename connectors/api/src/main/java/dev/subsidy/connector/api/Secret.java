package dev.subsidy.connector.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (app secret, check word, private key, token) that does not print itself.
 *
 * <p>{@link #toString()} is always {@code "****"}, so a secret that ends up in a log line, an
 * exception message or a debugger view shows nothing. Call {@link #reveal()} only at the point of
 * use (computing a signature, setting a header) and never keep the revealed string in a field.
 * Immutable and thread-safe.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself. Never log it. */
    public String reveal() {
        return value;
    }

    /** Whether the value is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Compares with a candidate in time independent of where they differ. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Two secrets are equal when their values are, compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && matches(s.value);
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative
    }

    @Override
    public String toString() {
        return "****";
    }
}
