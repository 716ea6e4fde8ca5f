package dev.subsidy.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.gateway.storage.delivery.JdbcDeliveryStore;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The reply table end to end: real outbox rows in SQLite, a verifying intake, one tick at a time. */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryDispatcherTest {

    @TempDir
    Path folder;

    private final AwardIntakeSimulator intake = AwardIntakeSimulator.start(DeliverySettings.SECRET).acceptingAnyItems();
    private final TestClock clock = TestClock.atPresentSecond();
    private final DeliveryGate gate = new DeliveryGate();
    private OutboxDatabase db;
    private DeliveryStore store;
    private AwardIntakeClient client;
    private DeliveryDispatcher dispatcher;

    @BeforeEach
    void start() {
        db = OutboxDatabase.migrated(folder);
        store = new JdbcDeliveryStore(db.jdbc());
        dispatcher = dispatcher(intake.baseUrl(), DeliverySettings.SECRET);
    }

    @AfterEach
    void stop() {
        client.close();
        intake.close();
    }

    private DeliveryDispatcher dispatcher(URI url, String secret) {
        if (client != null) {
            client.close();
        }
        DeliveryProperties settings = DeliverySettings.intakeAt(url, secret);
        client = new AwardIntakeClient(settings, clock);
        return new DeliveryDispatcher(client, store, gate, settings, clock, DeliveryDispatcher.DEFAULT_BATCHES_PER_TICK);
    }

    @Test
    void aBatchAcceptedWith202IsDelivered() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(202).withBody("{\"accepted\": 2, \"duplicates\": 0}"));

        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        assertThat(db.status(id)).isEqualTo("DELIVERED");
        assertThat(db.attempts(id)).isEqualTo(1);
        assertThat(db.row(id)).containsEntry("last_status", 202).containsEntry("last_response", "{\"accepted\": 2, \"duplicates\": 0}");
        assertThat(intake.refusals()).isEmpty();
        LoggedRequest request = intake.requests().get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id);
        assertThat(request.getBody()).isEqualTo(db.body(id).getBytes(StandardCharsets.UTF_8));
        assertThat(request.getBodyAsString()).contains(OutboxDatabase.JURISDICTION, "从江县某快递有限公司0");
    }

    @Test
    void oneTickPushesEveryDueBatchPageAfterPageNotTwentyPerPollInterval() {
        int batches = DeliveryDispatcher.DEFAULT_BATCHES_PER_TICK * 2 + 5;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < batches; i++) {
            ids.add(db.enqueueFigures(clock));
            clock.advance(Duration.ofMillis(1));
        }
        intake.replies(aResponse().withStatus(202).withBody("{\"accepted\": 2, \"duplicates\": 0}"));

        assertThat(dispatcher.deliverDue()).isEqualTo(batches);

        assertThat(ids).allSatisfy(id -> assertThat(db.status(id)).isEqualTo("DELIVERED"));
        assertThat(intake.requests()).extracting(r -> r.getHeader("Idempotency-Key")).containsExactlyElementsOf(ids);
        assertThat(dispatcher.deliverDue()).isZero();
    }

    @Test
    void figuresAndAwardsGoOldestFirstEachToItsPath() {
        String figures = db.enqueueFigures(clock);
        clock.advance(Duration.ofMillis(1));
        String awards = db.enqueue(DeliveryKind.AWARDS, 3, clock);

        assertThat(dispatcher.deliverDue()).isEqualTo(2);

        assertThat(intake.requests()).extracting(LoggedRequest::getUrl, r -> r.getHeader("Idempotency-Key"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/v1/figures/batches", figures),
                        org.assertj.core.groups.Tuple.tuple("/v1/awards/batches", awards));
        assertThat(intake.refusals()).isEmpty();
    }

    @Test
    void aResentBatchCarriesTheSameKeyAndByteIdenticalBodyUnderAFreshSignature() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withBody("{\"accepted\": 0, \"duplicates\": 2}"));

        dispatcher.deliverDue();
        clock.advance(DeliverySettings.MAX_BACKOFF);
        dispatcher.deliverDue();

        assertThat(db.status(id)).isEqualTo("DELIVERED");
        List<LoggedRequest> sent = intake.requests();
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo(id);
            assertThat(r.getBody()).isEqualTo(db.body(id).getBytes(StandardCharsets.UTF_8));
        });
        assertThat(sent.get(0).getHeader("X-Gateway-Signature")).isNotEqualTo(sent.get(1).getHeader("X-Gateway-Signature"));
        assertThat(intake.refusals()).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAfterABackoffAndTheAttemptsAreCounted() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(500).withBody("boom"), aResponse().withStatus(202));
        Instant firstTry = clock.instant();

        dispatcher.deliverDue();

        assertThat(db.status(id)).isEqualTo("PENDING");
        assertThat(db.attempts(id)).isEqualTo(1);
        assertThat(db.row(id)).containsEntry("last_status", 500).containsEntry("last_response", "boom");
        Instant next = db.nextAttemptAt(id);
        // 1 s initial backoff, spread ±50 %
        assertThat(Duration.between(firstTry, next)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));

        clock.set(next.minusMillis(1));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.set(next);
        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        assertThat(db.status(id)).isEqualTo("DELIVERED");
        assertThat(db.attempts(id)).isEqualTo(2);
        assertThat(intake.requests()).hasSize(2);
    }

    @Test
    void passingFaultsAreRetriedWithoutLimitAndTheDelayStopsGrowingAtTheMaximum() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(502));
        // a breaker that never opens, to count attempts beyond its window
        client.close();
        DeliveryProperties settings = DeliverySettings.intakeAt(intake.baseUrl());
        client = new AwardIntakeClient(settings, clock, CircuitBreaker.of("never", io.github.resilience4j.circuitbreaker
                .CircuitBreakerConfig.custom().minimumNumberOfCalls(1000).slidingWindowSize(1000).build()));
        dispatcher = new DeliveryDispatcher(client, store, gate, settings, clock, 20);

        Duration last = Duration.ZERO;
        for (int attempt = 1; attempt <= 12; attempt++) {
            Instant before = clock.instant();
            assertThat(dispatcher.deliverDue()).isEqualTo(1);
            last = Duration.between(before, db.nextAttemptAt(id));
            clock.set(db.nextAttemptAt(id));
        }

        assertThat(db.status(id)).isEqualTo("PENDING");
        assertThat(db.attempts(id)).isEqualTo(12);
        assertThat(last).isBetween(DeliverySettings.MAX_BACKOFF.dividedBy(2), DeliverySettings.MAX_BACKOFF);
    }

    @Test
    void retryAfterHoldsThisAndEveryOtherBatchAtLeastThatLong() {
        String first = db.enqueueFigures(clock);
        clock.advance(Duration.ofMillis(1)); // "oldest first" needs an older one
        String second = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(429).withHeader("Retry-After", "2"), aResponse().withStatus(202));
        Instant refusedAt = clock.instant();

        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        assertThat(db.nextAttemptAt(first)).isEqualTo(refusedAt.plusSeconds(2));
        assertThat(db.row(first)).containsEntry("last_status", 429);
        assertThat(db.attempts(second)).isZero();
        clock.advance(Duration.ofMillis(1999));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(intake.requests()).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(2);
        assertThat(List.of(db.status(first), db.status(second))).containsOnly("DELIVERED");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void aBatchTheIntakeCallsWrongIsFailedWithTheReplyKeptAndNotRetried(int status, CapturedOutput log) {
        String id = db.enqueueFigures(clock);
        String reply = "{\"errors\": [\"figures[0].value: not a decimal\"]}";
        intake.replies(aResponse().withStatus(status).withBody(reply));

        dispatcher.deliverDue();
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(db.status(id)).isEqualTo("FAILED");
        assertThat(db.row(id)).containsEntry("last_status", status).containsEntry("last_response", reply);
        assertThat(intake.requests()).hasSize(1);
        assertThat(log).contains("ALERT batch " + id, "not a decimal").doesNotContain(DeliverySettings.SECRET);
    }

    @Test
    void refusedCredentialsPausePushingForEveryBatchUntilAnOperatorRetries(CapturedOutput log) throws Exception {
        String first = db.enqueueFigures(clock);
        clock.advance(Duration.ofMillis(1)); // "oldest first" needs an older one
        String second = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(401).withBody("{\"errors\": [\"unknown key\"]}"));

        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        // well past every backoff, well within the intake's 300 s signature window
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(intake.requests()).hasSize(1);
        assertThat(gate.pausedBecause()).hasValueSatisfying(reason -> assertThat(reason).contains("401"));
        assertThat(db.status(first)).isEqualTo("PENDING");
        assertThat(db.row(first)).containsEntry("last_status", 401);
        assertThat(db.attempts(second)).isZero();
        assertThat(log).contains("ALERT pushing to the award intake paused").doesNotContain(DeliverySettings.SECRET);

        intake.replies(aResponse().withStatus(202));
        MockMvc api = MockMvcBuilders.standaloneSetup(new DeliveryController(store, gate, clock)).build();
        api.perform(post("/api/v1/deliveries/{id}/retry", first)).andExpect(status().isOk());

        assertThat(gate.pausedBecause()).isEmpty();
        assertThat(dispatcher.deliverDue()).isEqualTo(2);
        assertThat(List.of(db.status(first), db.status(second))).containsOnly("DELIVERED");
        assertThat(intake.refusals()).isEmpty();
    }

    @Test
    void aConflictMeansAHigherRevisionIsHeldSoTheBatchIsDelivered() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(409).withBody("{\"errors\": [\"revision 2 held\"]}"));

        dispatcher.deliverDue();

        assertThat(db.status(id)).isEqualTo("DELIVERED");
        assertThat(db.row(id)).containsEntry("last_status", 409);
    }

    @Test
    void aResetConnectionIsRetried() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(202));

        dispatcher.deliverDue();
        assertThat(db.status(id)).isEqualTo("PENDING");
        assertThat(db.row(id)).containsEntry("last_status", null);
        assertThat((String) db.row(id).get("last_response")).isNotBlank();

        clock.advance(DeliverySettings.MAX_BACKOFF);
        dispatcher.deliverDue();
        assertThat(db.status(id)).isEqualTo("DELIVERED");
        assertThat(db.attempts(id)).isEqualTo(2);
    }

    @Test
    void noReplyWithinTheResponseTimeoutIsRetried() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(202).withFixedDelay((int) DeliverySettings.RESPONSE_TIMEOUT.toMillis() * 3),
                aResponse().withStatus(202));

        dispatcher.deliverDue();
        assertThat(db.status(id)).isEqualTo("PENDING");
        assertThat((String) db.row(id).get("last_response")).containsIgnoringCase("timeout");

        clock.advance(DeliverySettings.MAX_BACKOFF);
        dispatcher.deliverDue();
        assertThat(db.status(id)).isEqualTo("DELIVERED");
        assertThat(db.attempts(id)).isEqualTo(2);
    }

    @Test
    void theBackoffScheduleSurvivesARestart() {
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(503));
        dispatcher.deliverDue();
        Instant next = db.nextAttemptAt(id);

        // a new process: new client, breaker, gate and dispatcher over the same database file
        DeliveryStore reopened = new JdbcDeliveryStore(OutboxDatabase.migrated(folder).jdbc());
        client.close();
        DeliveryProperties settings = DeliverySettings.intakeAt(intake.baseUrl());
        client = new AwardIntakeClient(settings, clock);
        DeliveryDispatcher restarted = new DeliveryDispatcher(client, reopened, new DeliveryGate(), settings, clock, 20);
        intake.replies(aResponse().withStatus(202));

        clock.set(next.minusMillis(1));
        assertThat(restarted.deliverDue()).isZero();
        clock.set(next);
        assertThat(restarted.deliverDue()).isEqualTo(1);
        assertThat(db.status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void anOpenBreakerSendsNothingAndRecordsNoAttempt() {
        String id = db.enqueueFigures(clock);
        client.close();
        DeliveryProperties settings = DeliverySettings.intakeAt(intake.baseUrl());
        CircuitBreaker breaker = CircuitBreaker.of("open", AwardIntakeClient.breakerConfig());
        breaker.transitionToOpenState();
        client = new AwardIntakeClient(settings, clock, breaker);
        dispatcher = new DeliveryDispatcher(client, store, gate, settings, clock, 20);

        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(intake.requests()).isEmpty();
        assertThat(db.status(id)).isEqualTo("PENDING");
        assertThat(db.attempts(id)).isZero();
    }

    @Test
    void withoutAUrlNothingIsPushedAndBatchesWait() {
        dispatcher = dispatcher(null, DeliverySettings.SECRET);
        String id = db.enqueueFigures(clock);

        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(db.status(id)).isEqualTo("PENDING");
        assertThat(db.attempts(id)).isZero();
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void withoutASecretPushingIsPausedWithTheReason() {
        dispatcher = dispatcher(intake.baseUrl(), null);
        String id = db.enqueueFigures(clock);

        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(gate.pausedBecause()).hasValueSatisfying(r -> assertThat(r).contains("gateway.award.secret"));
        assertThat(db.attempts(id)).isZero();
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void oneTickReadsBoundedPagesAndGoesOnWhileBatchesAreDue() {
        client.close();
        DeliveryProperties settings = DeliverySettings.intakeAt(intake.baseUrl());
        client = new AwardIntakeClient(settings, clock);
        dispatcher = new DeliveryDispatcher(client, store, gate, settings, clock, 2);
        for (int i = 0; i < 3; i++) {
            db.enqueueFigures(clock);
        }

        // pages of two: a full page means more may be due, the short one after it ends the tick
        assertThat(dispatcher.deliverDue()).isEqualTo(3);
        assertThat(intake.requests()).hasSize(3);
        assertThat(dispatcher.deliverDue()).isZero();
    }
}
