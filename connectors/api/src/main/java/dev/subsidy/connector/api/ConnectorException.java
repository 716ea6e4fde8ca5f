package dev.subsidy.connector.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a connector call failed, in terms the gateway acts on: retry soon, back off, stop and mark the
 * connector {@code FAILING}, or reject a payload.
 *
 * <p>The message is shown to operators and logged: it must never contain a secret, a token or a
 * signature (say "signature rejected", not the signature). Thrown by the connector methods only; an
 * exception's state is not changed after construction.
 */
public class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Reason {
        /** A network error, a timeout, a 5xx: the gateway retries with backoff. */
        TRANSIENT,
        /** The partner's rate limit (HTTP 429, ZTO {@code S221}, TOP's call limits): retry after {@link #retryAfter()} or a backoff. */
        RATE_LIMITED,
        /** Credentials or signature refused (401, 403, ZTO {@code S211}): retrying will not help until an operator acts. */
        UNAUTHORIZED,
        /** The partner answered something the connector cannot read (not JSON, missing fields). */
        BAD_PAYLOAD,
        /** The configuration cannot work (detected at start or on the first call). */
        CONFIGURATION,
        /** Anything else that will not heal by itself. */
        FATAL
    }

    private final Reason reason;
    private final transient Duration retryAfter;

    public ConnectorException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public ConnectorException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    /**
     * @param retryAfter how long the partner asked to wait ({@code Retry-After}), or {@code null}
     */
    public ConnectorException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    /** A rate-limit failure with the wait the partner asked for (may be {@code null}). */
    public static ConnectorException rateLimited(String message, Duration retryAfter) {
        return new ConnectorException(Reason.RATE_LIMITED, message, retryAfter, null);
    }

    public Reason reason() {
        return reason;
    }

    /** How long the partner asked the caller to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether retrying later may succeed without an operator's action. */
    public boolean isRetryable() {
        return reason == Reason.TRANSIENT || reason == Reason.RATE_LIMITED;
    }
}
