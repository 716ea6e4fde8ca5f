package dev.subsidy.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A simulated award intake that checks every request as {@code docs/award-intake.md} says, independently
 * of the gateway's code: the exact Content-Type, an HMAC-SHA256 signature over {@code t + "." + raw
 * body} with the shared secret and a {@code t} at most 300 s old, an Idempotency-Key equal to the
 * body's batchId, and a body of the kind the path names. A request failing any check gets 401 (the
 * scripted replies are only for requests that pass), and the reason is kept for the test to read.
 */
final class SignedIntake implements AutoCloseable {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final long MAX_AGE_SECONDS = 300;
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Pattern PATH = Pattern.compile("/v1/(figures|awards)/batches");

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final String secret;
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    SignedIntake() {
        this(DeliverySettings.SECRET);
    }

    SignedIntake(String secret) {
        this.secret = secret;
        server.start();
        replies(aResponse().withStatus(202).withBody("{\"accepted\": 1, \"duplicates\": 0}"));
    }

    URI url() {
        return URI.create(server.baseUrl());
    }

    /** The replies to verified requests, in order; the last one repeats. */
    void replies(ResponseDefinitionBuilder... replies) {
        server.resetMappings();
        server.resetScenarios();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\": [\"signature or request refused\"]}")));
        for (int i = 0; i < replies.length; i++) {
            var stub = post(urlPathMatching(PATH.pattern())).atPriority(1).andMatching(verifier())
                    .inScenario("replies").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "reply-" + i);
            if (i < replies.length - 1) {
                stub.willSetStateTo("reply-" + (i + 1));
            }
            server.stubFor(stub.willReturn(replies[i]));
        }
    }

    /** Every request received, oldest first. */
    List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>(server.findAll(anyRequestedFor(anyUrl())));
        all.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return all;
    }

    /** Why requests were refused; empty when everything the gateway sent was right. */
    List<String> rejections() {
        return List.copyOf(rejections);
    }

    private ValueMatcher<Request> verifier() {
        return request -> {
            List<String> problems = problems(request);
            problems.stream().filter(p -> !rejections.contains(p)).forEach(rejections::add);
            return MatchResult.of(problems.isEmpty());
        };
    }

    private List<String> problems(Request request) {
        List<String> problems = new ArrayList<>();
        if (!RequestMethod.POST.equals(request.getMethod())) {
            problems.add("method " + request.getMethod());
        }
        // Jetty hands the charset over upper-cased; the exact spelling on the wire is checked in
        // AwardIntakeClientTest against a raw socket
        if (!CONTENT_TYPE.equalsIgnoreCase(request.getHeader("Content-Type"))) {
            problems.add("content type " + request.getHeader("Content-Type"));
        }
        byte[] body = request.getBody();
        String signature = request.getHeader("X-Gateway-Signature");
        Matcher m = signature == null ? null : SIGNATURE.matcher(signature);
        if (m == null || !m.matches()) {
            problems.add("signature malformed: " + signature);
        } else {
            long t = Long.parseLong(m.group(1));
            long now = System.currentTimeMillis() / 1000;
            if (now - t > MAX_AGE_SECONDS || t - now > MAX_AGE_SECONDS) {
                problems.add("signature stale: t=" + t + ", now=" + now);
            }
            if (!MessageDigest.isEqual(hmac(m.group(1), body).getBytes(StandardCharsets.US_ASCII),
                    m.group(2).getBytes(StandardCharsets.US_ASCII))) {
                problems.add("signature mismatch");
            }
        }
        Matcher path = PATH.matcher(URI.create(request.getUrl()).getPath());
        try {
            JsonNode batch = OutboxDatabase.JSON.readTree(new String(body, StandardCharsets.UTF_8));
            String batchId = batch.path("batchId").asText(null);
            if (batchId == null || !batchId.equals(request.getHeader("Idempotency-Key"))) {
                problems.add("Idempotency-Key " + request.getHeader("Idempotency-Key") + " is not batchId " + batchId);
            }
            if (!path.matches() || !batch.path(path.group(1)).isArray()) {
                problems.add("no items array for " + request.getUrl());
            }
            if (!batch.path("jurisdiction").path("name").isTextual() || !batch.path("generatedAt").isTextual()) {
                problems.add("batch without jurisdiction or generatedAt");
            }
        } catch (Exception e) {
            problems.add("body is not JSON: " + e.getMessage());
        }
        return problems;
    }

    private String hmac(String t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
