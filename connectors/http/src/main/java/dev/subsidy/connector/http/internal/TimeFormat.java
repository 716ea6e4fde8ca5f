package dev.subsidy.connector.http.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How a partner writes an instant in a request: window bounds and signed timestamps. Values are
 * whole seconds (or milliseconds) so that the end of one window and the start of the next are
 * written identically. Constants: thread-safe.
 */
public enum TimeFormat {
    /** ISO-8601 in UTC: {@code 2026-03-01T02:30:00Z}. */
    ISO,
    /** {@code yyyy-MM-dd HH:mm:ss} in China Standard Time (UTC+8), as Taobao TOP and JD JOS write it. */
    CHINA_LOCAL,
    /** Seconds since the epoch, as a number (Pinduoduo, Douyin). */
    UNIX_SECONDS,
    /** Milliseconds since the epoch, as a number (J&amp;T headers). */
    UNIX_MILLIS;

    private static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    /** The format named by a setting value ({@code iso}, {@code china_local}, …). */
    public static TimeFormat of(String setting) {
        return valueOf(setting.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The instant as sent: a {@link String}, or a {@link Long} for the numeric formats (so JSON bodies carry numbers). */
    public Object format(Instant instant) {
        return switch (this) {
            case ISO -> DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
            case CHINA_LOCAL -> CHINA.format(instant);
            case UNIX_SECONDS -> instant.getEpochSecond();
            case UNIX_MILLIS -> instant.toEpochMilli();
        };
    }
}
