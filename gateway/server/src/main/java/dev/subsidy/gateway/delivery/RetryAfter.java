package dev.subsidy.gateway.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {}

    /**
     * @return how long to wait from {@code now}; empty when the header is absent or unreadable, in
     *     which case the caller falls back to its own backoff
     */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.empty();
            }
        }
        Instant at = DateUtils.parseStandardDate(v);
        if (at == null) {
            return Optional.empty();
        }
        // a date in the past means "now"; a date ahead is honoured to the second it names
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }
}
