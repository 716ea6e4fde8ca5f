package dev.subsidy.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-times with an offset. Feeds send millions of them in one shape,
 * {@code 2026-11-01T00:30:00+08:00} or {@code …Z}; that shape is read directly (the general parser
 * spends a third of intake time on it), everything else goes to {@link OffsetDateTime#parse}, so
 * what is accepted and refused is exactly what the JDK accepts and refuses.
 */
final class IsoInstants {

    private IsoInstants() {}

    static Instant parse(String text) {
        int n = text.length();
        if ((n == 20 && text.charAt(19) == 'Z' || n == 25 && (text.charAt(19) == '+' || text.charAt(19) == '-')
                && text.charAt(22) == ':') && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            try {
                LocalDateTime local = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19));
                ZoneOffset offset = n == 20 ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(
                        (text.charAt(19) == '-' ? -1 : 1) * digits(text, 20, 22),
                        (text.charAt(19) == '-' ? -1 : 1) * digits(text, 23, 25));
                return local.toInstant(offset);
            } catch (RuntimeException e) {
                // out-of-range fields or a stray character: let the JDK's parser give its own verdict
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit", text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
