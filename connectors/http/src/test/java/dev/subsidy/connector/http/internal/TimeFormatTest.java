package dev.subsidy.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How window bounds and signed timestamps are written. */
class TimeFormatTest {

    private static final Instant T = Instant.parse("2026-02-28T16:30:05.250Z");

    @Test
    void everyFormatWritesWholeSecondsOrMillis() {
        assertThat(TimeFormat.of("iso").format(T)).isEqualTo("2026-02-28T16:30:05Z");
        assertThat(TimeFormat.of("china_local").format(T)).as("UTC+8 crosses midnight into March").isEqualTo("2026-03-01 00:30:05");
        assertThat(TimeFormat.of("unix_seconds").format(T)).isEqualTo(1772296205L);
        assertThat(TimeFormat.of("unix_millis").format(T)).isEqualTo(1772296205250L);
    }
}
