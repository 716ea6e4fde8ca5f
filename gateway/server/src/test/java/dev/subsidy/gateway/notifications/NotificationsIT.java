package dev.subsidy.gateway.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.gateway.delivery.PushSignature;
import dev.subsidy.gateway.metrics.MetricNames;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in trouble on every side a webhook hears of: a partner answering 500 (its pull connector
 * FAILING), an award intake refusing the signature with 401 (pushing paused) and, with that, a backlog
 * older than its threshold. Each incident reaches the webhook once, within seconds, signed as the award
 * push is; while the conditions last, checks go on and tell nothing more; a connector deleted ends its
 * incident, told once as resolved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.award.secret=" + Tokens.AWARD_SECRET,
    "gateway.award.poll-interval=100ms",
    "gateway.connectors.allowed-hosts=localhost",
    "gateway.connectors.tick=100ms",
    "gateway.connectors.initial-backoff=200ms",
    "gateway.connectors.max-backoff=1s",
    "gateway.notifications.check-interval=200ms",
    "gateway.notifications.backlog-age=1s",
    "gateway.notifications.retry-backoff=50ms"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// its own failing partner and intake: no other test should share this gateway
@DirtiesContext
class NotificationsIT {

    static final String HOOK_SECRET = "test-hook-secret-41b0";
    static final String HOOK_PATH = "/hooks/ops";
    static final String FAILING_CONNECTOR = "notify-broken-partner";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The partner (500), the award intake (401) and the webhook's receiver (204). */
    static final WireMockServer OUTSIDE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        OUTSIDE.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("gateway-notifications");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", () -> home.resolve("no-definitions").toString());
        registry.add("gateway.award.url", () -> OUTSIDE.baseUrl() + "/intake");
        // Spring reads a list's entries from one source only: the webhook's url and secret go together
        registry.add("gateway.notifications.webhooks[0].url", () -> OUTSIDE.baseUrl() + HOOK_PATH + "?token=q-55");
        registry.add("gateway.notifications.webhooks[0].secret", () -> HOOK_SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CamelContext camel;

    @BeforeAll
    void troubleOnEverySide() {
        OUTSIDE.stubFor(post(urlPathEqualTo(HOOK_PATH)).atPriority(1).willReturn(aResponse().withStatus(204)));
        OUTSIDE.stubFor(get(urlPathEqualTo("/records")).atPriority(2).willReturn(aResponse().withStatus(500).withBody("partner down")));
        OUTSIDE.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401).withBody("bad signature")));
        GatewayClient gateway = new GatewayClient(port);
        GatewayClient.Reply registered = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, CongjiangFixture.registryJson());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        GatewayClient.Reply fed = gateway.postJson("/api/v1/feeds/standard/records", Tokens.ADMIN, """
            [{"kind": "shipment", "carrier": "ZTO", "waybillNo": "NTF0000000001", "collectedAt": "2026-10-03T18:00:00+08:00",
              "originRegion": "522633100", "destRegion": "440106"}]""");
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);
        GatewayClient.Reply closed = gateway.send("POST", "/api/v1/periods/2026-10/close", Tokens.ADMIN, null, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        String definition = """
            id: %s
            type: http-pull
            schedule: 1m
            settings:
              base_url: %s
              path: /records
            """.formatted(FAILING_CONNECTOR, OUTSIDE.baseUrl());
        GatewayClient.Reply added = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml",
                definition.getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    @AfterAll
    void stopOutside() {
        OUTSIDE.stop();
    }

    @Test
    void eachIncidentReachesTheWebhookOnceSignedAndNoMoreWhileItLasts() {
        assertThat(camel.getRoute(NotificationRoute.ROUTE_ID)).as("webhooks are configured: the route runs").isNotNull();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(noticesBySubject().keySet()).containsExactlyInAnyOrder(
                        "CONNECTOR_FAILING " + FAILING_CONNECTOR, "DELIVERY_PAUSED delivery", "DELIVERY_BACKLOG_OLD delivery"));

        // checks run every 200 ms: several of them find the same conditions and tell nothing more
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(notices()).hasSize(3));

        Map<String, JsonNode> bySubject = noticesBySubject();
        JsonNode failing = bySubject.get("CONNECTOR_FAILING " + FAILING_CONNECTOR);
        assertThat(failing.get("status").asText()).isEqualTo("OPEN");
        assertThat(failing.get("reason").asText()).contains("500");
        assertThat(failing.get("gateway").asText()).isEqualTo("从江县");
        assertThat(bySubject.get("DELIVERY_PAUSED delivery").get("reason").asText()).contains("401");
        for (LoggedRequest notice : notices()) {
            String header = notice.getHeader(PushSignature.HEADER);
            long t = Long.parseLong(header.substring(2, header.indexOf(',')));
            assertThat(header).isEqualTo(new PushSignature(HOOK_SECRET).sign(t, notice.getBody()));
        }
        assertThat(delivered("connector_failing")).isEqualTo(1.0);
        assertThat(delivered("delivery_paused")).isEqualTo(1.0);
        assertThat(delivered("delivery_backlog_old")).isEqualTo(1.0);

        // the operator deletes the broken connector: its incident is resolved, told once
        GatewayClient.Reply deleted = new GatewayClient(port).send("DELETE", "/api/v1/connectors/" + FAILING_CONNECTOR,
                Tokens.ADMIN, null, null);
        assertThat(deleted.status()).as(deleted.body()).isBetween(200, 204);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(notices()).hasSize(4));
        List<JsonNode> resolutions = notices().stream().map(NotificationsIT::json)
                .filter(n -> n.get("status").asText().equals("RESOLVED")).toList();
        assertThat(resolutions).hasSize(1);
        JsonNode resolved = resolutions.get(0);
        assertThat(resolved.get("incident")).isEqualTo(failing.get("incident"));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(notices()).hasSize(4));
    }

    private List<LoggedRequest> notices() {
        return OUTSIDE.findAll(postRequestedFor(urlPathEqualTo(HOOK_PATH)));
    }

    private Map<String, JsonNode> noticesBySubject() {
        return notices().stream().map(NotificationsIT::json).filter(n -> n.get("status").asText().equals("OPEN")).collect(Collectors.toMap(
                n -> n.get("event").asText() + " " + n.get("subject").asText(), Function.identity()));
    }

    private double delivered(String event) {
        Counter counter = meters.find(MetricNames.NOTIFICATIONS)
                .tags(MetricNames.EVENT, event, MetricNames.OUTCOME, "delivered").counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
