package dev.subsidy.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The award system's intake as docs/award-intake.md describes it, on WireMock: it refuses a request
 * whose signature is wrong or older than 300 s (401), whose Idempotency-Key is not the body's
 * batchId or whose body is not a batch (400), and answers a replayed batch as all duplicates. It
 * computes the HMAC itself, not with the gateway's code, so a gateway that signs wrongly fails here.
 */
public final class AwardIntakeSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final String secret;
    private final Map<String, String> bodiesByBatch = new ConcurrentHashMap<>();
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    public AwardIntakeSimulator(String secret) {
        this.secret = secret;
        this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Checker()));
        server.start();
        server.stubFor(post(urlPathMatching("/v1/(figures|awards)/batches"))
                .willReturn(aResponse().withTransformers(Checker.NAME)));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Every batch the intake stored (first copies only), figures and awards alike. */
    public List<JsonNode> acceptedBatches() {
        return List.copyOf(accepted);
    }

    /** Reasons of every refused request. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Checker implements ResponseDefinitionTransformerV2 {
        static final String NAME = "award-intake-checker";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            String body = request.getBodyAsString();
            String signature = request.getHeader("X-Gateway-Signature");
            String problem = signatureProblem(signature, body);
            if (problem != null) {
                return refuse(401, problem);
            }
            if (!request.getHeader("Content-Type").toLowerCase().startsWith("application/json")) {
                return refuse(400, "Content-Type must be application/json");
            }
            JsonNode batch;
            try {
                batch = JSON.readTree(body);
            } catch (Exception e) {
                return refuse(400, "body is not JSON");
            }
            String key = request.getHeader("Idempotency-Key");
            if (key == null || !key.equals(batch.path("batchId").asText())) {
                return refuse(400, "Idempotency-Key " + key + " is not the batchId");
            }
            String items = request.getUrl().contains("/figures/") ? "figures" : "awards";
            if (!batch.path(items).isArray() || !batch.path("jurisdiction").isObject()) {
                return refuse(400, "body lacks " + items + " or jurisdiction");
            }
            String earlier = bodiesByBatch.putIfAbsent(key, body);
            int n = batch.path(items).size();
            if (earlier != null) {
                if (!earlier.equals(body)) {
                    return refuse(422, "batch " + key + " resent with a different body");
                }
                return ResponseDefinition.okForJson(Map.of("accepted", 0, "duplicates", n));
            }
            accepted.add(batch);
            return new ResponseDefinition(202, "{\"accepted\":" + n + ",\"duplicates\":0}");
        }

        private ResponseDefinition refuse(int status, String reason) {
            refusals.add(status + " " + reason);
            return new ResponseDefinition(status, "{\"errors\":[\"" + reason.replace("\"", "'") + "\"]}");
        }
    }

    private String signatureProblem(String header, String body) {
        if (header == null) {
            return "no X-Gateway-Signature";
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return "signature lacks t or v1";
        }
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(t);
        if (Math.abs(age) > 300) {
            return "signature is " + age + " s old";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(v1) ? null : "signature does not match";
        } catch (Exception e) {
            return "cannot check signature: " + e;
        }
    }

    /** For tests that need to know which headers came with a batch. */
    public Set<String> idempotencyKeys() {
        return Set.copyOf(bodiesByBatch.keySet());
    }
}
