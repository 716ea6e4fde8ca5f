package dev.subsidy.simulators.award;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated award intake refuses what docs/award-intake.md says the real one refuses. */
class AwardIntakeSimulatorTest {

    private static final String SECRET = "intake-test-secret";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String BATCH = """
            {"batchId":"fb-1","jurisdiction":{"name":"从江县","regions":["522633"]},"generatedAt":"2026-11-21T10:00:00Z",
             "figures":[{"figureId":"X/PARCELS_OUTBOUND/2026-10","subject":{"type":"EXPRESS_COMPANY","id":"X","name":"从江中通"},
             "metric":"PARCELS_OUTBOUND","period":"2026-10","value":"12000","unit":"PARCEL","revision":1,
             "evidence":{"counted":12000,"suspect":0,"rejected":0,"duplicate":3,"connectors":["standard"],"digest":"sha256:ab"}}]}""";

    private final AwardIntakeSimulator intake = AwardIntakeSimulator.start(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        intake.close();
    }

    @Test
    void storesASignedBatchOnceAndAnswersAReplayAsDuplicates() throws Exception {
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign(SECRET, NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(202);
        HttpResponse<String> replay = push("/v1/figures/batches", BATCH, "fb-1", sign(SECRET, NOW.getEpochSecond(), BATCH));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"duplicates\":1");
        AwardIntakeSimulator.Report report = intake.report();
        assertThat(report.accepted()).singleElement().satisfies(b -> {
            assertThat(b.batchId()).isEqualTo("fb-1");
            assertThat(b.periods()).containsExactly("2026-10");
        });
        assertThat(report.replays()).isEqualTo(1);
        assertThat(report.signaturesVerified()).isEqualTo(2);
        assertThat(report.refusals()).isEmpty();
    }

    @Test
    void refusesAWrongSecretAnOldSignatureAndAMissingOne() throws Exception {
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign("other", NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(401);
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign(SECRET, NOW.getEpochSecond() - 301, BATCH))
                .statusCode()).isEqualTo(401);
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", null).statusCode()).isEqualTo(401);
        assertThat(intake.report().refusals()).hasSize(3);
        assertThat(intake.report().refusals().get(0)).isEqualTo("signature mismatch");
        assertThat(intake.report().refusals().get(1)).startsWith("signature stale");
        assertThat(intake.report().refusals().get(2)).startsWith("signature malformed");
        assertThat(intake.report().accepted()).isEmpty();
    }

    @Test
    void refusesAnIdempotencyKeyThatIsNotTheBatchId() throws Exception {
        assertThat(push("/v1/figures/batches", BATCH, "fb-2", sign(SECRET, NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(400);
        assertThat(intake.report().refusals()).singleElement().asString().contains("Idempotency-Key");
    }

    @Test
    void answersWellFormedRequestsWithTheScriptedRepliesTheLastOneRepeating() throws Exception {
        intake.replies(aResponse().withStatus(503).withHeader("Retry-After", "2"), aResponse().withStatus(409));

        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign(SECRET, NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(503);
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign(SECRET, NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(409);
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign(SECRET, NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(409);
        // a script answers only what passes the protocol checks
        assertThat(push("/v1/figures/batches", BATCH, "fb-1", sign("other", NOW.getEpochSecond(), BATCH)).statusCode())
                .isEqualTo(401);
        assertThat(intake.requests()).hasSize(4);
    }

    @Test
    void refusesAnotherContentType() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(intake.baseUrl() + "/v1/figures/batches"))
                .header("Content-Type", "text/plain").header("Idempotency-Key", "fb-1")
                .header("X-Gateway-Signature", sign(SECRET, NOW.getEpochSecond(), BATCH))
                .POST(HttpRequest.BodyPublishers.ofString(BATCH, StandardCharsets.UTF_8)).build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(intake.refusals()).singleElement().asString().startsWith("Content-Type must be");
    }

    @Test
    void refusesAFigureWithoutItsDigest() throws Exception {
        String body = BATCH.replace("\"digest\":\"sha256:ab\"", "\"digest\":\"\"");
        assertThat(push("/v1/figures/batches", body, "fb-1", sign(SECRET, NOW.getEpochSecond(), body)).statusCode())
                .isEqualTo(422);
    }

    @Test
    void acceptsAFigureWithoutItsDigestWhenItemsAreNotJudgedButStillChecksTheSignature() throws Exception {
        intake.acceptingAnyItems();
        String body = BATCH.replace("\"digest\":\"sha256:ab\"", "\"digest\":\"\"");

        assertThat(push("/v1/figures/batches", body, "fb-1", sign(SECRET, NOW.getEpochSecond(), body)).statusCode())
                .isEqualTo(202);
        assertThat(push("/v1/figures/batches", body, "fb-1", sign("other", NOW.getEpochSecond(), body)).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> push(String path, String body, String key, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(intake.baseUrl() + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Gateway-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signed as docs/award-intake.md says, written here apart from the intake's code; that the gateway's
     * own signer agrees is the server's delivery tests' business (AwardIntakeClientTest).
     */
    private static String sign(String secret, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
