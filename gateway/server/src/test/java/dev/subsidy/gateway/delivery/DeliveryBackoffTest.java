package dev.subsidy.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void doublesFromTheInitialDelayWithinHalfEitherWay() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long base = 1000L << (attempt - 1);
            assertThat(backoff.after(attempt).toMillis()).isBetween(base / 2, base * 3 / 2);
        }
    }

    @Test
    void neverExceedsTheMaximumHoweverManyAttempts() {
        for (int attempt : new int[] {20, 1000, Integer.MAX_VALUE}) {
            assertThat(backoff.after(attempt)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
        }
    }

    @Test
    void spreadsBatchesThatFailedTogether() {
        Set<Duration> delays = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            delays.add(backoff.after(5));
        }
        assertThat(delays).hasSizeGreaterThan(1);
    }

    @Test
    void refusesAnInitialDelayAboveTheMaximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryBackoff(Duration.ofMinutes(1), Duration.ofSeconds(1)));
    }
}
