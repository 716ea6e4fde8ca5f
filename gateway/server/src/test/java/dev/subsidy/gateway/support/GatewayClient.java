package dev.subsidy.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Calls the gateway over real HTTP on loopback, as a feeder, an administrator or a reader would. */
public final class GatewayClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    public GatewayClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Reply(int status, String body, JsonNode json) {}

    public Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = null;
            if (response.body() != null && !response.body().isBlank()) {
                try {
                    parsed = json.readTree(response.body());
                } catch (IOException notJson) {
                    parsed = null;
                }
            }
            return new Reply(response.statusCode(), response.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply postJson(String path, String token, String body) {
        return send("POST", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, String token, String contentType, String body, Charset charset) {
        return send("POST", path, token, contentType, body.getBytes(charset));
    }

    public Reply putJson(String path, String token, String body) {
        return send("PUT", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
}
