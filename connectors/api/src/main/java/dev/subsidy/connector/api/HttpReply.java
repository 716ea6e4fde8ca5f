package dev.subsidy.connector.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP reply, read whole. Immutable. Header names are matched case-insensitively.
 *
 * @param status the status code
 * @param headers header names to values
 * @param body the body bytes
 */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

    public HttpReply {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNullElse(headers, Map.<String, List<String>>of()).forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(h);
        body = Objects.requireNonNullElse(body, new byte[0]).clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return bodyText(StandardCharsets.UTF_8);
    }

    public String bodyText(Charset charset) {
        return new String(body, charset);
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    /**
     * The wait a {@code Retry-After} header asks for, in either of its forms (seconds, or an HTTP
     * date, measured from {@code now}). Empty when absent or unreadable.
     */
    public Optional<Duration> retryAfter(ZonedDateTime now) {
        return header("Retry-After").map(String::trim).flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(now, at);
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpReply r && status == r.status && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpReply[" + status + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
