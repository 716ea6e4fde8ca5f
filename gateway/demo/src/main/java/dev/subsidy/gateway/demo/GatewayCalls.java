package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the gateway's public API over real HTTP, as an administrator, a feeder or the award system
 * reading figures would: the demo goes through the same doors as everyone else.
 */
final class GatewayCalls {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String base;

    GatewayCalls(int port, ObjectMapper json) {
        this.base = "http://127.0.0.1:" + port;
        this.json = json;
    }

    record Reply(int status, String body, JsonNode json) {}

    /** The reply's JSON when it has the expected status; anything else stops the demo with the reply. */
    JsonNode expect(int status, Reply reply, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + reply.status() + " "
                    + reply.body());
        }
        return reply.json();
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    Reply post(String path, String token, String contentType, byte[] body) {
        return send("POST", path, token, contentType, body, Map.of());
    }

    /** A post with a partner's own headers too (ZTO's x-appKey and x-dataDigest). */
    Reply post(String path, String token, String contentType, byte[] body, Map<String, String> headers) {
        return send("POST", path, token, contentType, body, headers);
    }

    Reply put(String path, String token, String contentType, byte[] body) {
        return send("PUT", path, token, contentType, body, Map.of());
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply send(String method, String path, String token, String contentType, byte[] body,
                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = null;
            if (!response.body().isBlank()) {
                try {
                    parsed = json.readTree(response.body());
                } catch (IOException notJson) {
                    parsed = null;
                }
            }
            return new Reply(response.statusCode(), response.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
