package dev.subsidy.simulators.award;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The award system's intake as docs/award-intake.md describes it, on WireMock on a free loopback
 * port: the demo's intake and the server tests' alike. It checks every request the way the finance
 * side would, with its own HMAC code (never the gateway's), so a gateway that signs wrongly fails here:
 * <ul>
 *   <li>401: no {@code X-Gateway-Signature}, a malformed one, one whose {@code t} is more than
 *       {@value #MAX_SIGNATURE_AGE_SECONDS} s off, or an HMAC-SHA256 over {@code t + "." + raw body}
 *       that does not match the shared secret;</li>
 *   <li>400: not {@code POST /v1/figures/batches} or {@code /v1/awards/batches}, a Content-Type other
 *       than {@value #CONTENT_TYPE}, a body that is not JSON, an {@code Idempotency-Key} that is not
 *       the body's batchId, a batch without its items, jurisdiction or generatedAt;</li>
 *   <li>422: items the award system cannot book (see {@link #figureErrors}, {@link #awardErrors}), or
 *       a batch resent under its key with another body; a batch resent byte for byte is answered as
 *       all duplicates.</li>
 * </ul>
 * A test may script the replies to requests that pass the protocol checks ({@link #replies}): the
 * status codes, faults and delays the gateway must cope with. Every refusal is kept with its reason
 * ({@link #refusals}). Thread-safe: requests are answered on WireMock's threads.
 */
public final class AwardIntakeSimulator implements AutoCloseable {

    public static final long MAX_SIGNATURE_AGE_SECONDS = 300;
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String FIGURES_PATH = "/v1/figures/batches";
    public static final String AWARDS_PATH = "/v1/awards/batches";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNATURE = Pattern.compile("t=(-?\\d{1,18}),v1=([0-9a-fA-F]{64})");
    private static final Set<String> UNITS = Set.of("PARCEL", "ORDER", "CNY");
    private static final String CHECKER = "award-intake-checker";

    /** One batch the intake stored: the first copy of each batchId. */
    public record ReceivedBatch(String kind, String batchId, int items, Set<String> periods, Instant receivedAt,
                                JsonNode body) {}

    /** What the intake saw: every request, how many signatures checked out, what it stored or refused. */
    public record Report(int requests, int signaturesVerified, int replays, List<ReceivedBatch> accepted,
                         List<String> refusals) {

        public int items(String kind) {
            return accepted.stream().filter(b -> b.kind().equals(kind)).mapToInt(ReceivedBatch::items).sum();
        }
    }

    private final WireMockServer server;
    private final SecretKeySpec key;
    private final Clock clock;
    private final Map<String, byte[]> bodiesByBatch = new ConcurrentHashMap<>();
    private final List<ReceivedBatch> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger signaturesVerified = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final List<ResponseDefinitionBuilder> scripted = new CopyOnWriteArrayList<>();
    private final AtomicInteger scriptedServed = new AtomicInteger();
    private volatile boolean judgeItems = true;

    private AwardIntakeSimulator(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(new Checker()));
    }

    /** Starts the intake on a free loopback port, judging signature ages by the system clock. */
    public static AwardIntakeSimulator start(String secret) {
        return start(secret, Clock.systemUTC());
    }

    /** Starts the intake on a free loopback port, judging signature ages by this clock. */
    public static AwardIntakeSimulator start(String secret, Clock clock) {
        AwardIntakeSimulator intake = new AwardIntakeSimulator(secret, clock);
        intake.server.start();
        intake.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(CHECKER)));
        return intake;
    }

    /** The value for {@code gateway.award.url}, such as {@code http://127.0.0.1:53412}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * Stops judging the items (the 422s of {@link #figureErrors} and {@link #awardErrors}): for tests
     * that push made-up items whose content is not their point. The protocol checks stay.
     */
    public AwardIntakeSimulator acceptingAnyItems() {
        judgeItems = false;
        return this;
    }

    /**
     * The replies to the next requests that pass the protocol checks, in order; the last one repeats.
     * They replace the intake's own judgement of the items and its duplicate bookkeeping: a test
     * scripts what the award system answers (a 409, a 503 with Retry-After, a reset connection).
     */
    public void replies(ResponseDefinitionBuilder... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("at least one reply");
        }
        synchronized (scripted) {
            scripted.clear();
            scripted.addAll(List.of(replies));
            scriptedServed.set(0);
        }
    }

    public Report report() {
        return new Report(requests.get(), signaturesVerified.get(), replays.get(), List.copyOf(accepted),
                List.copyOf(refusals));
    }

    /** Every batch the intake stored (first copies only), figures and awards alike. */
    public List<JsonNode> acceptedBatches() {
        return accepted.stream().map(ReceivedBatch::body).toList();
    }

    /** Why requests were refused, in order ("signature mismatch", "Idempotency-Key … is not the batchId …"). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Every request received, oldest first. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>(server.findAll(anyRequestedFor(anyUrl())));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    /** The WireMock server itself, for anything not covered here. */
    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Checker implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return CHECKER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            requests.incrementAndGet();
            return answer(event.getRequest());
        }
    }

    /** Everything docs/award-intake.md asks of a push, in the order the finance side would check it. */
    private ResponseDefinition answer(Request request) {
        byte[] body = request.getBody();
        String signatureProblem = signatureProblem(request.getHeader("X-Gateway-Signature"), body);
        if (signatureProblem != null) {
            return refuse(401, signatureProblem);
        }
        signaturesVerified.incrementAndGet();
        String path = URI.create(request.getUrl()).getPath();
        if (!RequestMethod.POST.equals(request.getMethod()) || !(FIGURES_PATH.equals(path) || AWARDS_PATH.equals(path))) {
            return refuse(400, "no such endpoint: " + request.getMethod() + " " + path);
        }
        // Jetty hands the charset over upper-cased; the exact spelling on the wire is the client's own test
        String contentType = request.getHeader("Content-Type");
        if (!CONTENT_TYPE.equalsIgnoreCase(contentType)) {
            return refuse(400, "Content-Type must be " + CONTENT_TYPE + ", got " + contentType);
        }
        JsonNode batch;
        try {
            batch = JSON.readTree(body);
        } catch (IOException e) {
            return refuse(400, "body is not JSON");
        }
        String batchId = batch.path("batchId").asText(null);
        String idempotencyKey = request.getHeader("Idempotency-Key");
        if (idempotencyKey == null || !idempotencyKey.equals(batchId)) {
            return refuse(400, "Idempotency-Key " + idempotencyKey + " is not the batchId " + batchId);
        }
        String kind = path.equals(FIGURES_PATH) ? "figures" : "awards";
        JsonNode items = batch.path(kind);
        if (!items.isArray() || !batch.path("jurisdiction").path("name").isTextual() || !batch.path("generatedAt").isTextual()) {
            return refuse(400, "batch lacks " + kind + ", jurisdiction or generatedAt");
        }
        ResponseDefinitionBuilder script = nextScripted();
        if (script != null) {
            return script.build();
        }
        List<String> errors = !judgeItems ? List.of() : kind.equals("figures") ? figureErrors(items) : awardErrors(items);
        if (!errors.isEmpty()) {
            return refuse(422, String.join("; ", errors));
        }
        byte[] earlier = bodiesByBatch.putIfAbsent(batchId, body);
        if (earlier != null) {
            if (!Arrays.equals(earlier, body)) {
                return refuse(422, "batch " + batchId + " resent with a different body");
            }
            replays.incrementAndGet();
            return reply(200, "{\"accepted\":0,\"duplicates\":" + items.size() + "}");
        }
        Set<String> periods = new TreeSet<>();
        items.forEach(item -> periods.add(item.path("period").asText()));
        accepted.add(new ReceivedBatch(kind, batchId, items.size(), periods, clock.instant(), batch));
        return reply(202, "{\"accepted\":" + items.size() + ",\"duplicates\":0}");
    }

    private ResponseDefinitionBuilder nextScripted() {
        synchronized (scripted) {
            if (scripted.isEmpty()) {
                return null;
            }
            int next = scriptedServed.getAndIncrement();
            return scripted.get(Math.min(next, scripted.size() - 1));
        }
    }

    private String signatureProblem(String header, byte[] body) {
        Matcher m = header == null ? null : SIGNATURE.matcher(header.strip());
        if (m == null || !m.matches()) {
            return "signature malformed: " + header;
        }
        long signedAt = Long.parseLong(m.group(1));
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - signedAt) > MAX_SIGNATURE_AGE_SECONDS) {
            return "signature stale: t=" + signedAt + ", now=" + now + " (at most " + MAX_SIGNATURE_AGE_SECONDS + " s off)";
        }
        // constant time, as a real intake must compare
        boolean matches = MessageDigest.isEqual(hmac(m.group(1), body).getBytes(StandardCharsets.US_ASCII),
                m.group(2).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return matches ? null : "signature mismatch";
    }

    private String hmac(String t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The fields the award system books on: a figure it cannot identify or read is refused. */
    static List<String> figureErrors(JsonNode figures) {
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

    /** The fields an award line is paid on. */
    static List<String> awardErrors(JsonNode awards) {
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

    private ResponseDefinition refuse(int status, String reason) {
        refusals.add(reason);
        return reply(status, "{\"errors\":[" + JSON.valueToTree(reason) + "]}");
    }

    private static ResponseDefinition reply(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE).withBody(body).build();
    }
}
