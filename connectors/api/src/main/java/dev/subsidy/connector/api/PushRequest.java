package dev.subsidy.connector.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request a partner (or a feeder) sent to a push connector, as received.
 *
 * <p>Immutable. Header names are matched case-insensitively. The body is never copied out of this
 * object: {@link #body()} returns a copy, {@link #bodyText(Charset)} decodes it.
 *
 * @param contentType the request's {@code Content-Type}, or {@code ""} when absent
 * @param headers the request headers (feeder authentication headers already removed by the gateway)
 * @param params query and form parameters, each with all its values in order
 * @param body the raw body
 */
public record PushRequest(
        String contentType,
        Map<String, List<String>> headers,
        Map<String, List<String>> params,
        byte[] body) {

    public PushRequest {
        contentType = Objects.requireNonNullElse(contentType, "");
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNullElse(headers, Map.<String, List<String>>of())
                .forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(h);
        params = copy(params);
        body = Objects.requireNonNullElse(body, new byte[0]).clone();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> m) {
        java.util.LinkedHashMap<String, List<String>> c = new java.util.LinkedHashMap<>();
        Objects.requireNonNullElse(m, Map.<String, List<String>>of()).forEach((k, v) -> c.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded with the given charset. */
    public String bodyText(Charset charset) {
        return new String(body, charset);
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return bodyText(StandardCharsets.UTF_8);
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The first value of a query or form parameter. */
    public Optional<String> param(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Whether the content type is JSON ({@code application/json} or a {@code +json} type). */
    public boolean isJson() {
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("application/json") || t.contains("+json");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushRequest r
                && contentType.equals(r.contentType)
                && headers.equals(r.headers)
                && params.equals(r.params)
                && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, headers, params, java.util.Arrays.hashCode(body));
    }

    /** Never shows header values or the body: both may carry credentials or personal data. */
    @Override
    public String toString() {
        return "PushRequest[contentType=" + contentType + ", headers=" + headers.keySet()
                + ", params=" + params.keySet() + ", body=" + body.length + " bytes]";
    }
}
