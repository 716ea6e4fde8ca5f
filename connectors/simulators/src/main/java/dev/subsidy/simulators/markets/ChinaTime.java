package dev.subsidy.simulators.markets;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** China wall-clock time ({@code yyyy-MM-dd HH:mm:ss}, UTC+8), as TOP, JD JOS and Pinduoduo write it. */
public final class ChinaTime {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ChinaTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(CHINA));
    }

    /** The instant, or empty when the text is not such a time. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), FORMAT).toInstant(CHINA));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
