package dev.subsidy.connector.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One outbound HTTP request. Immutable.
 *
 * @param method {@code GET}, {@code POST}, …
 * @param uri the absolute URL, query included
 * @param headers header names to values (in order)
 * @param body the request body; empty for none
 */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    public HttpCall {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("an outbound call needs an absolute URL");
        }
        LinkedHashMap<String, List<String>> h = new LinkedHashMap<>();
        Objects.requireNonNullElse(headers, Map.<String, List<String>>of()).forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(h);
        body = Objects.requireNonNullElse(body, new byte[0]).clone();
    }

    /** A GET without headers. */
    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null);
    }

    /** A POST of a UTF-8 JSON body. */
    public static HttpCall postJson(URI uri, String json, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Content-Type", List.of("application/json;charset=UTF-8"));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HttpCall("POST", uri, h, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of UTF-8 form fields ({@code application/x-www-form-urlencoded}). */
    public static HttpCall postForm(URI uri, Map<String, String> fields, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Content-Type", List.of("application/x-www-form-urlencoded;charset=UTF-8"));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new HttpCall("POST", uri, h, form.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpCall c && method.equals(c.method) && uri.equals(c.uri)
                && headers.equals(c.headers) && java.util.Arrays.equals(body, c.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body));
    }

    /** Shows neither the query string, header values nor body: they carry tokens and signatures. */
    @Override
    public String toString() {
        return "HttpCall[" + method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath()
                + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
