package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-01T00:30:00+08:00", "2026-10-31T16:30:00Z", "2026-01-01T00:00:00-05:30",
        "2024-02-29T23:59:59+14:00", "2026-11-01T00:30:00.123+08:00", "2026-11-01T00:30+08:00"})
    void agreesWithTheJdkParser(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00+08:00", "2026-11-01T24:00:00+08:00", "2026-11-01T00:30:00+8:000",
        "2026-11-01 00:30:00+08:00", "2026-1a-01T00:30:00+08:00", "2026-11-01T00:30:00", "2026-11-01T00:30:00+19:00"})
    void refusesWhatTheJdkRefuses(String text) {
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
