package dev.subsidy.runtime.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorBackoffTest {

    private final ConnectorBackoff backoff = new ConnectorBackoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

    @Test
    void doublesWithJitterAndStopsGrowingAtTheMaximum() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.after(1, Optional.empty())).isBetween(Duration.ofMillis(2500), Duration.ofMillis(7500));
            assertThat(backoff.after(3, Optional.empty())).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
            assertThat(backoff.after(1000, Optional.empty())).isBetween(Duration.ofMinutes(7), Duration.ofMinutes(15));
        }
    }

    @Test
    void aPartnersRetryAfterWinsWhenItIsLonger() {
        assertThat(backoff.after(1, Optional.of(Duration.ofMinutes(2)))).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(1, Optional.of(Duration.ofMillis(1)))).isLessThanOrEqualTo(Duration.ofMillis(7500));
    }
}
