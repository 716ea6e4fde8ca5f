package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A retention that would keep nothing, or read as "forever", stops the gateway with what to write instead. */
class RawPayloadSettingsTest {

    @Test
    void zeroIsNotForeverTheAdministratorIsToldToWriteALongDuration() {
        assertThatThrownBy(() -> new RawPayloadSettings(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gateway.intake.raw-retention must be at least 1h, got PT0S; 0 does not mean \"keep forever\": "
                        + "to keep raw payloads for years, use a long duration (3650d)");
    }

    @Test
    void aRetentionShorterThanAnHourOrNegativeIsRefusedWithTheProperty() {
        assertThatThrownBy(() -> new RawPayloadSettings(Duration.ofMinutes(59), Duration.ofHours(1)))
                .hasMessage("gateway.intake.raw-retention must be at least 1h, got PT59M");
        assertThatThrownBy(() -> new RawPayloadSettings(Duration.ofDays(-1), Duration.ofHours(1)))
                .hasMessageStartingWith("gateway.intake.raw-retention must be at least 1h, got PT-24H");
    }

    @Test
    void theSweepIntervalStaysBetweenATenthOfASecondAndADay() {
        assertThatThrownBy(() -> new RawPayloadSettings(Duration.ofDays(90), Duration.ofMillis(99)))
                .hasMessage("gateway.intake.raw-sweep-interval must be between 100ms and 1d, got PT0.099S");
        assertThatThrownBy(() -> new RawPayloadSettings(Duration.ofDays(90), Duration.ofDays(2)))
                .hasMessage("gateway.intake.raw-sweep-interval must be between 100ms and 1d, got PT48H");
        assertThat(new RawPayloadSettings(Duration.ofDays(3650), Duration.ofDays(1)).rawRetention()).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void theDefaultsKeepNinetyDaysAndLookHourly() {
        assertThat(RawPayloadSettings.defaults()).isEqualTo(new RawPayloadSettings(Duration.ofDays(90), Duration.ofHours(1)));
    }
}
