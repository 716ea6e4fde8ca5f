package dev.subsidy.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.gateway.delivery.DeliveryOutcome.Verdict;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwardIntakeClientTest {

    private static final String BODY =
            "{\"batchId\":\"fb-1\",\"jurisdiction\":{\"name\":\"从江县\",\"regions\":[\"522633\"]},"
                    + "\"generatedAt\":\"2026-11-10T02:00:00Z\",\"figures\":[]}";
    private static final PendingDelivery FIGURES = new PendingDelivery("fb-1", DeliveryKind.FIGURES, BODY, 0);

    private final AwardIntakeSimulator intake = AwardIntakeSimulator.start(DeliverySettings.SECRET).acceptingAnyItems();
    private final TestClock clock = TestClock.atPresentSecond();
    private AwardIntakeClient client = new AwardIntakeClient(DeliverySettings.intakeAt(intake.baseUrl()), clock);

    @AfterEach
    void close() {
        client.close();
        intake.close();
    }

    @Test
    void signatureIsHmacSha256OverTimestampDotRawBodyInLowerHex() {
        // known answer from `printf '1700000000.<body>' | openssl dgst -sha256 -hmac test-secret`
        String body = "{\"batchId\":\"fb-1\",\"jurisdiction\":{\"name\":\"从江县\"}}";
        assertThat(new PushSignature("test-secret").sign(1_700_000_000L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1700000000,v1=db32f42403fe9aeef40d6509f91f5746d2e722fbfa46a38a3f66c1031bc3bda7");
    }

    @Test
    void postsTheStoredBytesWithTheContractHeadersToTheKindsPath() {
        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(Verdict.DELIVERED);
        assertThat(intake.refusals()).isEmpty();
        LoggedRequest request = intake.requests().get(0);
        assertThat(request.getUrl()).isEqualTo("/v1/figures/batches");
        assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("fb-1");
        assertThat(request.getHeader("X-Gateway-Signature")).startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
        assertThat(request.getBody()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theContentTypeIsSpelledOnTheWireExactlyAsTheContractSays() throws Exception {
        // WireMock's Jetty normalises the charset's case, so read the raw request off a socket
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> head = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    StringBuilder lines = new StringBuilder();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        lines.append(line).append('\n');
                    }
                    socket.getOutputStream().write(
                            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    return lines.toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            client.close();
            client = new AwardIntakeClient(DeliverySettings.intakeAt(
                    URI.create("http://127.0.0.1:" + server.getLocalPort())), clock);

            assertThat(client.send(FIGURES).verdict()).isEqualTo(Verdict.DELIVERED);
            assertThat(head.get(5, TimeUnit.SECONDS))
                    .startsWith("POST /v1/figures/batches HTTP/1.1\n")
                    .contains("\nContent-Type: application/json; charset=utf-8\n", "\nIdempotency-Key: fb-1\n")
                    .containsPattern("\nX-Gateway-Signature: t=\\d+,v1=[0-9a-f]{64}\n");
        }
    }

    @Test
    void awardBatchesGoToTheAwardsPath() {
        String body = BODY.replace("fb-1", "ab-1").replace("figures", "awards");
        client.send(new PendingDelivery("ab-1", DeliveryKind.AWARDS, body, 0));

        assertThat(intake.refusals()).isEmpty();
        assertThat(intake.requests()).singleElement().satisfies(r -> assertThat(r.getUrl()).isEqualTo("/v1/awards/batches"));
    }

    @Test
    void aBaseUrlWithATrailingSlashIsJoinedWithoutADoubleSlash() {
        client.close();
        client = new AwardIntakeClient(DeliverySettings.intakeAt(URI.create(intake.baseUrl() + "/")), clock);

        client.send(FIGURES);

        assertThat(intake.requests()).singleElement().satisfies(r -> assertThat(r.getUrl()).isEqualTo("/v1/figures/batches"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "200, DELIVERED", "201, DELIVERED", "202, DELIVERED", "409, DELIVERED",
        "400, REJECTED", "422, REJECTED",
        "401, UNAUTHORISED", "403, UNAUTHORISED",
        "500, TRANSIENT", "502, TRANSIENT", "504, TRANSIENT", "404, TRANSIENT",
        "429, TRANSIENT", "503, TRANSIENT" // without Retry-After: our own backoff
    })
    void repliesAreClassifiedByTheReplyTable(int status, Verdict verdict) {
        intake.replies(aResponse().withStatus(status).withBody("{\"errors\": [\"reply " + status + "\"]}"));

        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(verdict);
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.reply()).contains("reply " + status);
    }

    @ParameterizedTest
    @CsvSource({"429", "503"})
    void retryAfterInSecondsAsksToSlowDown(int status) {
        intake.replies(aResponse().withStatus(status).withHeader("Retry-After", "2"));

        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromNow() {
        Instant at = clock.instant().plusSeconds(90);
        intake.replies(aResponse().withStatus(503)
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));

        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theIntakeRefusesAWrongSecret() {
        client.close();
        client = new AwardIntakeClient(DeliverySettings.intakeAt(intake.baseUrl(), "not-the-secret"), clock);

        assertThat(client.send(FIGURES).verdict()).isEqualTo(Verdict.UNAUTHORISED);
        assertThat(intake.refusals()).containsExactly("signature mismatch");
    }

    @Test
    void theIntakeRefusesASignatureOlderThan300Seconds() {
        // a gateway whose clock runs 301 s behind the intake's
        client.close();
        client = new AwardIntakeClient(DeliverySettings.intakeAt(intake.baseUrl()), TestClock.at(clock.instant().minusSeconds(301)));

        assertThat(client.send(FIGURES).verdict()).isEqualTo(Verdict.UNAUTHORISED);
        assertThat(intake.refusals()).singleElement().asString().startsWith("signature stale");
    }

    @Test
    void theIntakeRefusesAKeyThatIsNotTheBatchId() {
        assertThat(client.send(new PendingDelivery("fb-other", DeliveryKind.FIGURES, BODY, 0)).verdict())
                .isEqualTo(Verdict.REJECTED);
        assertThat(intake.refusals()).singleElement().asString().startsWith("Idempotency-Key fb-other");
    }

    @Test
    void aResetConnectionIsAPassingFault() {
        intake.replies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(Verdict.TRANSIENT);
        assertThat(outcome.status()).isNull();
    }

    @Test
    void noReplyWithinTheResponseTimeoutIsAPassingFault() {
        intake.replies(aResponse().withStatus(202).withFixedDelay((int) DeliverySettings.RESPONSE_TIMEOUT.toMillis() * 3));

        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(Verdict.TRANSIENT);
        assertThat(outcome.reply()).containsIgnoringCase("timeout");
    }

    @Test
    void aRefusedConnectionIsAPassingFault() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client.close();
        client = new AwardIntakeClient(DeliverySettings.intakeAt(URI.create("http://127.0.0.1:" + closedPort)), clock);

        DeliveryOutcome outcome = client.send(FIGURES);

        assertThat(outcome.verdict()).isEqualTo(Verdict.TRANSIENT);
        assertThat(outcome.reply()).contains("Connect");
    }

    @Test
    void theBreakerOpensOnRepeatedPassingFaultsAndThenSendsNothing() {
        intake.replies(aResponse().withStatus(500));
        for (int i = 0; i < AwardIntakeClient.BREAKER_MINIMUM_CALLS; i++) {
            assertThat(client.send(FIGURES).verdict()).isEqualTo(Verdict.TRANSIENT);
        }

        assertThat(client.send(FIGURES).verdict()).isEqualTo(Verdict.NOT_SENT);
        assertThat(intake.requests()).hasSize(AwardIntakeClient.BREAKER_MINIMUM_CALLS);
    }

    @Test
    void refusalsDoNotOpenTheBreaker() {
        intake.replies(aResponse().withStatus(400));
        for (int i = 0; i < AwardIntakeClient.BREAKER_WINDOW; i++) {
            assertThat(client.send(FIGURES).verdict()).isEqualTo(Verdict.REJECTED);
        }
        assertThat(client.breakerState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }
}
