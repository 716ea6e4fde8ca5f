package dev.subsidy.gateway.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.DeliveryGate;
import dev.subsidy.gateway.delivery.DeliveryProperties;
import dev.subsidy.gateway.delivery.PushSignature;
import dev.subsidy.gateway.metrics.MetricNames;
import dev.subsidy.gateway.storage.delivery.JdbcDeliveryStore;
import dev.subsidy.gateway.storage.notifications.JdbcDeliveredPushes;
import dev.subsidy.gateway.storage.notifications.JdbcIncidentStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * One notifier check after another over a real SQLite database, with a real delivery gate and WireMock as
 * the receiver: pushing paused is told once, signed as the award push is; a receiver that fails is told at
 * the next check; a second notifier over the same database (a restart) tells nothing twice; and the
 * resolution follows once pushing works again.
 */
class IncidentNotifierTest {

    private static final String SECRET = "hook-secret-5d2a";
    private static final String PATH = "/hooks/ops";
    private static final String PAUSE_REASON = "the award intake refused the gateway's credentials with 401";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final Clock clock = Clock.systemUTC();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;
    private DeliveryGate gate;
    private Webhook webhook;
    private WebhookClient client;

    @BeforeEach
    void start() {
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + folder.resolve("gateway.db").toAbsolutePath());
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(source);
        gate = new DeliveryGate();
        webhook = new Webhook(URI.create(receiver.baseUrl() + PATH + "?token=query-token-77"), SECRET, null);
        client = new WebhookClient(settings(webhook), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.stop();
    }

    @Test
    void pushingPausedIsToldOnceSignedAsTheAwardPushIs() {
        IncidentNotifier notifier = notifier(webhook);
        gate.pause(PAUSE_REASON);

        assertThat(notifier.check()).isEqualTo(1);
        assertThat(notifier.check()).as("the condition persists: nothing more").isZero();

        List<LoggedRequest> posts = posts();
        assertThat(posts).hasSize(1);
        LoggedRequest notice = posts.get(0);
        assertSigned(notice);
        assertThat(notice.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
        assertThat(notice.queryParameter("token").firstValue()).isEqualTo("query-token-77");
        JsonNode body = json(notice);
        assertThat(body.get("event").asText()).isEqualTo("DELIVERY_PAUSED");
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.get("subject").asText()).isEqualTo("delivery");
        assertThat(body.get("reason").asText()).isEqualTo(PAUSE_REASON);
        assertThat(body.get("gateway").asText()).isEqualTo("从江县");
        assertThat(body.get("openedAt").asText()).isNotBlank();
        assertThat(body.has("resolvedAt")).isFalse();
        assertThat(notice.getHeader("Idempotency-Key")).isEqualTo(body.get("incident").asText() + "/OPENED");
        assertThat(counted("delivery_paused", "delivered")).isEqualTo(1.0);
    }

    @Test
    void aSecondNotifierOverTheSameDatabaseTellsNothingTwice() {
        gate.pause(PAUSE_REASON);
        assertThat(notifier(webhook).check()).isEqualTo(1);

        // a restart: new notifier, new gate that no longer remembers the pause, the same database
        gate = new DeliveryGate();
        gate.pause(PAUSE_REASON);
        assertThat(notifier(webhook).check()).isZero();
        assertThat(posts()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_incident", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRestartThatForgotThePauseDoesNotEndTheIncidentWhileBatchesWaitUndelivered() {
        gate.pause(PAUSE_REASON);
        notifier(webhook).check();
        queuePendingBatch();

        gate = new DeliveryGate(); // restarted: not paused until the next push is refused
        IncidentNotifier restarted = notifier(webhook);
        assertThat(restarted.check()).isZero();
        gate.pause(PAUSE_REASON);
        assertThat(restarted.check()).as("the same incident, not a new one").isZero();
        assertThat(posts()).hasSize(1);
    }

    @Test
    void aReceiverAnswering500ThenTheNextCheckTakesTheNoticeOnce() {
        receiver.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("receiver down")).willSetStateTo("up"));
        receiver.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        gate.pause(PAUSE_REASON);
        IncidentNotifier notifier = notifier(webhook);

        assertThat(notifier.check()).as("retried within the check after the 500").isEqualTo(1);
        assertThat(notifier.check()).isZero();
        assertThat(posts()).hasSize(2);
        posts().forEach(this::assertSigned);
        assertThat(json(posts().get(0)).get("incident")).isEqualTo(json(posts().get(1)).get("incident"));
        assertThat(counted("delivery_paused", "delivered")).isEqualTo(1.0);
    }

    @Test
    void aReceiverDownForAWholeCheckIsToldAtTheNextCheckAndOnlyThen() {
        receiver.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        gate.pause(PAUSE_REASON);
        IncidentNotifier notifier = notifier(webhook);

        assertThat(notifier.check()).isZero();
        assertThat(posts()).as("every attempt of the check").hasSize(3);
        assertThat(counted("delivery_paused", "failed")).isEqualTo(1.0);
        assertThat(jdbc.queryForObject("SELECT last_error FROM notification_notice", String.class)).isEqualTo("HTTP 503");

        receiver.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
        assertThat(notifier.check()).isEqualTo(1);
        assertThat(notifier.check()).isZero();
        assertThat(posts()).hasSize(4);
    }

    @Test
    void aRefusalOtherThanAPassingFaultIsNotRetriedWithinTheCheck() {
        receiver.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody("bad signature")));
        gate.pause(PAUSE_REASON);

        assertThat(notifier(webhook).check()).isZero();
        assertThat(posts()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM notification_notice", String.class))
                .isEqualTo("HTTP 401: bad signature");
    }

    @Test
    void whenPushingWorksAgainTheResolutionIsToldOnce() {
        gate.pause(PAUSE_REASON);
        IncidentNotifier notifier = notifier(webhook);
        notifier.check();

        gate.resume(); // an operator's retry; the outbox is empty, nothing waits
        assertThat(notifier.check()).isEqualTo(1);
        assertThat(notifier.check()).isZero();

        List<LoggedRequest> posts = posts();
        assertThat(posts).hasSize(2);
        JsonNode opened = json(posts.get(0));
        JsonNode resolved = json(posts.get(1));
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("incident")).isEqualTo(opened.get("incident"));
        assertThat(resolved.get("resolvedAt").asText()).isNotBlank();
        assertThat(counted("delivery_paused", "resolved")).isEqualTo(1.0);

        gate.pause(PAUSE_REASON);
        assertThat(notifier.check()).as("the condition came back: a new incident").isEqualTo(1);
        assertThat(json(posts().get(2)).get("incident")).isNotEqualTo(opened.get("incident"));
    }

    @Test
    void aWebhookHearsOnlyOfTheEventsItSubscribedTo() {
        Webhook connectorsOnly = new Webhook(URI.create(receiver.baseUrl() + "/hooks/connectors"), SECRET,
                Set.of(NotificationEvent.CONNECTOR_FAILING));
        gate.pause(PAUSE_REASON);
        assertThat(notifier(webhook, connectorsOnly).check()).isEqualTo(1);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/connectors")))).isEmpty();
        assertThat(posts()).hasSize(1);
    }

    private IncidentNotifier notifier(Webhook... webhooks) {
        AwardIntakeClient intake = new AwardIntakeClient(new DeliveryProperties(URI.create("http://127.0.0.1:9/intake"),
                "award-secret", 500, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(1)), clock);
        JdbcDeliveryStore deliveries = new JdbcDeliveryStore(jdbc);
        List<Watch> watches = List.of(
                new DeliveryPausedWatch(gate, intake, deliveries, new JdbcDeliveredPushes(jdbc)),
                new DeliveryBacklogWatch(deliveries, intake, Duration.ofHours(1)));
        return new IncidentNotifier(watches, List.of(webhooks), new JdbcIncidentStore(jdbc), client,
                new NoticeBody(JSON, "从江县"), new NotificationCounter(meters), clock);
    }

    private static NotificationProperties settings(Webhook webhook) {
        return new NotificationProperties(List.of(webhook), Duration.ofSeconds(1), null, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 3, Duration.ofMillis(20));
    }

    private void queuePendingBatch() {
        long now = clock.millis();
        jdbc.update("INSERT INTO delivery (id, kind, period, items, body, status, attempts, next_attempt_at, created_at, updated_at)"
                + " VALUES ('batch-1', 'FIGURES', '2026-10', 1, '{}', 'PENDING', 1, ?, ?, ?)", now, now, now);
    }

    private List<LoggedRequest> posts() {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    }

    private void assertSigned(LoggedRequest request) {
        String header = request.getHeader(PushSignature.HEADER);
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        assertThat(header).isEqualTo(new PushSignature(SECRET).sign(t, request.getBody()));
        assertThat(Math.abs(clock.instant().getEpochSecond() - t)).isLessThan(300);
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private double counted(String event, String outcome) {
        var counter = meters.find(MetricNames.NOTIFICATIONS).tags(MetricNames.EVENT, event, MetricNames.OUTCOME, outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
