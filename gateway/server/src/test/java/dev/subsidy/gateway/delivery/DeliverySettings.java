package dev.subsidy.gateway.delivery;

import java.net.URI;
import java.time.Duration;

/** Test settings: short timeouts so faults show quickly, a 1 s..10 s backoff. */
final class DeliverySettings {

    static final String SECRET = "test-secret";
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);
    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private DeliverySettings() {}

    static DeliveryProperties intakeAt(URI url) {
        return intakeAt(url, SECRET);
    }

    static DeliveryProperties intakeAt(URI url, String secret) {
        return new DeliveryProperties(url, secret, 500, POLL, Duration.ofSeconds(1), RESPONSE_TIMEOUT,
                INITIAL_BACKOFF, MAX_BACKOFF);
    }
}
