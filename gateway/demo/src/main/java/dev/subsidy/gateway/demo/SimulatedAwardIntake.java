package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The award system's intake (docs/award-intake.md), simulated in-process on loopback so the demo needs
 * nothing else running. It checks every push the way the finance side would: the HMAC signature
 * and its age (401), the Idempotency-Key against the body's batchId (400), the batch's shape (400,
 * 422); a batch resent with the same key is answered as all duplicates. It computes the HMAC with
 * its own code, not the gateway's, so a gateway that signs wrongly is caught here.
 * <p>Thread-safe: requests are handled on the server's thread, the report is read from any other.
 */
public final class SimulatedAwardIntake implements AutoCloseable {

    static final long MAX_SIGNATURE_AGE_SECONDS = 300;
    static final String FIGURES_PATH = "/v1/figures/batches";
    static final String AWARDS_PATH = "/v1/awards/batches";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("PARCEL", "ORDER", "CNY");

    /** One batch the intake stored: the first copy of each batchId. */
    public record ReceivedBatch(String kind, String batchId, int items, Set<String> periods, Instant receivedAt) {}

    /** What the intake saw: every request, how many signatures checked out, what it stored or refused. */
    public record Report(int requests, int signaturesVerified, int replays, List<ReceivedBatch> accepted,
                         List<String> refusals) {

        public int items(String kind) {
            return accepted.stream().filter(b -> b.kind().equals(kind)).mapToInt(ReceivedBatch::items).sum();
        }
    }

    private final HttpServer server;
    private final SecretKeySpec key;
    private final Clock clock;
    private final Map<String, byte[]> bodiesByBatch = new ConcurrentHashMap<>();
    private final List<ReceivedBatch> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger signaturesVerified = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();

    private SimulatedAwardIntake(HttpServer server, String secret, Clock clock) {
        this.server = server;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        server.createContext("/", this::handle);
    }

    /** Starts the intake on a free loopback port. */
    public static SimulatedAwardIntake start(String secret, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SimulatedAwardIntake intake = new SimulatedAwardIntake(server, secret, clock);
            server.start();
            return intake;
        } catch (IOException e) {
            throw new IllegalStateException("the simulated award intake cannot listen on loopback", e);
        }
    }

    /** The value for {@code gateway.award.url}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    public Report report() {
        return new Report(requests.get(), signaturesVerified.get(), replays.get(), List.copyOf(accepted),
                List.copyOf(refusals));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            requests.incrementAndGet();
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!FIGURES_PATH.equals(path) && !AWARDS_PATH.equals(path)) {
                reply(exchange, 404, errors("no such endpoint: " + path));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, errors("only POST"));
                return;
            }
            Outcome outcome = check(path, exchange.getRequestHeaders().getFirst("X-Gateway-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            if (outcome.status() >= 400) {
                refusals.add(outcome.status() + " " + path + ": " + outcome.reason());
            }
            reply(exchange, outcome.status(), outcome.body());
        } finally {
            exchange.close();
        }
    }

    private record Outcome(int status, String body, String reason) {
        static Outcome refuse(int status, String reason) {
            return new Outcome(status, errors(reason), reason);
        }
    }

    /** Everything docs/award-intake.md asks of a push, in the order the finance side would check it. */
    private Outcome check(String path, String signature, String idempotencyKey, String contentType, byte[] body) {
        String problem = signatureProblem(signature, body);
        if (problem != null) {
            return Outcome.refuse(401, problem);
        }
        signaturesVerified.incrementAndGet();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Outcome.refuse(400, "Content-Type must be application/json, got " + contentType);
        }
        JsonNode batch;
        try {
            batch = JSON.readTree(body);
        } catch (IOException e) {
            return Outcome.refuse(400, "body is not JSON");
        }
        String batchId = batch.path("batchId").asText(null);
        if (idempotencyKey == null || !idempotencyKey.equals(batchId)) {
            return Outcome.refuse(400, "Idempotency-Key " + idempotencyKey + " is not the batchId " + batchId);
        }
        String kind = path.equals(FIGURES_PATH) ? "figures" : "awards";
        JsonNode items = batch.path(kind);
        if (!items.isArray() || !batch.path("jurisdiction").isObject()) {
            return Outcome.refuse(400, "batch lacks " + kind + " or jurisdiction");
        }
        List<String> errors = kind.equals("figures") ? figureErrors(items) : awardErrors(items);
        if (!errors.isEmpty()) {
            return Outcome.refuse(422, String.join("; ", errors));
        }
        byte[] earlier = bodiesByBatch.putIfAbsent(batchId, body);
        if (earlier != null) {
            if (!Arrays.equals(earlier, body)) {
                return Outcome.refuse(422, "batch " + batchId + " resent with a different body");
            }
            replays.incrementAndGet();
            return new Outcome(200, "{\"accepted\":0,\"duplicates\":" + items.size() + "}", null);
        }
        Set<String> periods = new TreeSet<>();
        items.forEach(item -> periods.add(item.path("period").asText()));
        accepted.add(new ReceivedBatch(kind, batchId, items.size(), periods, clock.instant()));
        return new Outcome(202, "{\"accepted\":" + items.size() + ",\"duplicates\":0}", null);
    }

    private String signatureProblem(String header, byte[] body) {
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
        long signedAt;
        try {
            signedAt = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return "signature time '" + t + "' is not unix seconds";
        }
        long age = clock.instant().getEpochSecond() - signedAt;
        if (Math.abs(age) > MAX_SIGNATURE_AGE_SECONDS) {
            return "signature is " + age + " s old (at most " + MAX_SIGNATURE_AGE_SECONDS + ")";
        }
        String expected = hmac(t, body);
        // constant time, as a real intake must compare
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                v1.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return matches ? null : "signature does not match";
    }

    private String hmac(String t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The fields the award system books on: a figure it cannot identify or read is refused. */
    private static List<String> figureErrors(JsonNode figures) {
        List<String> errors = new ArrayList<>();
        for (JsonNode f : figures) {
            String id = f.path("figureId").asText("");
            if (id.isEmpty() || f.path("subject").path("id").asText("").isEmpty() || !f.hasNonNull("metric")
                    || !f.hasNonNull("period")) {
                errors.add("figure " + id + " lacks figureId, subject.id, metric or period");
            }
            if (!f.path("value").isTextual() || !f.path("value").asText().matches("\\d+(\\.\\d{2})?")) {
                errors.add("figure " + id + ": value must be a decimal string, got " + f.path("value"));
            }
            if (!UNITS.contains(f.path("unit").asText())) {
                errors.add("figure " + id + ": unknown unit " + f.path("unit"));
            }
            if (f.path("revision").asInt(0) < 1) {
                errors.add("figure " + id + ": revision must be 1 or more");
            }
            if (!f.path("evidence").path("digest").asText("").startsWith("sha256:")) {
                errors.add("figure " + id + ": evidence lacks its sha256 digest");
            }
        }
        return errors;
    }

    private static List<String> awardErrors(JsonNode awards) {
        List<String> errors = new ArrayList<>();
        for (JsonNode a : awards) {
            String id = a.path("awardId").asText("");
            if (id.isEmpty() || !a.hasNonNull("policy") || a.path("subject").path("id").asText("").isEmpty()) {
                errors.add("award line " + id + " lacks awardId, policy or subject.id");
            }
            if (!a.path("amount").isTextual() || !a.path("amount").asText().matches("\\d+\\.\\d{2}")) {
                errors.add("award line " + id + ": amount must be yuan with two decimals, got " + a.path("amount"));
            }
            if (a.path("revision").asInt(0) < 1 || !a.path("basis").isArray()) {
                errors.add("award line " + id + ": needs a revision and its basis");
            }
        }
        return errors;
    }

    private static String errors(String reason) {
        return "{\"errors\":[" + JSON.valueToTree(reason) + "]}";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
