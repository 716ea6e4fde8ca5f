package dev.subsidy.gateway.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one push came to, classified by the reply table of {@code docs/award-intake.md}.
 *
 * @param status the HTTP status, or {@code null} when no reply came (timeout, reset, refused, not sent)
 * @param reply the reply body (possibly cut short), or a description of the fault; never a secret
 * @param retryAfter how long the intake asked us to wait; only for {@link Verdict#SLOW_DOWN}
 */
public record DeliveryOutcome(Verdict verdict, Integer status, String reply, Duration retryAfter) {

    public enum Verdict {
        /** 2xx: stored; 409: a higher revision is held, so this one is settled too. */
        DELIVERED,
        /** 400, 422: the batch is wrong; resending the same bytes cannot help. */
        REJECTED,
        /** 401, 403: our secret or identity is wrong; every batch would fail the same way. */
        UNAUTHORISED,
        /** 429, 503 with a usable Retry-After: wait at least that long. */
        SLOW_DOWN,
        /** Any other reply, timeout, reset or refused connection: retry with backoff, forever. */
        TRANSIENT,
        /** Nothing was sent (the circuit breaker is open): nothing to record. */
        NOT_SENT
    }

    public DeliveryOutcome {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.SLOW_DOWN) {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Applies the reply table to an HTTP reply. */
    public static DeliveryOutcome ofReply(int status, String reply, Optional<Duration> retryAfter) {
        if (status >= 200 && status < 300 || status == 409) {
            return new DeliveryOutcome(Verdict.DELIVERED, status, reply, null);
        }
        if (status == 400 || status == 422) {
            return new DeliveryOutcome(Verdict.REJECTED, status, reply, null);
        }
        if (status == 401 || status == 403) {
            return new DeliveryOutcome(Verdict.UNAUTHORISED, status, reply, null);
        }
        if ((status == 429 || status == 503) && retryAfter.isPresent()) {
            return new DeliveryOutcome(Verdict.SLOW_DOWN, status, reply, retryAfter.get());
        }
        // Unlisted replies (other 5xx, 3xx, 404, 413, 429 without Retry-After …) are treated as
        // passing faults: retrying forever is visible in the API, dropping a batch is not.
        return new DeliveryOutcome(Verdict.TRANSIENT, status, reply, null);
    }

    /** No reply at all: timeout, reset, refused connection. */
    public static DeliveryOutcome passingFault(String description) {
        return new DeliveryOutcome(Verdict.TRANSIENT, null, description, null);
    }

    public static DeliveryOutcome notSent(String why) {
        return new DeliveryOutcome(Verdict.NOT_SENT, null, why, null);
    }
}
