package dev.subsidy.gateway.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator's monitoring sees of a gateway in trouble: a partner that answers 500 (its pull
 * connector FAILING) and an award intake that refuses the gateway's signature with 401 (pushing
 * paused). Health names both to the administrator as DEGRADED components while the gateway as a
 * whole stays UP — the contract's "up when the database is reachable" (docs/operations.md "Health") —
 * and readiness stays UP; the Prometheus scrape counts the records, the close, the refused push and the
 * failed runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.metrics-token=" + HealthAndMetricsIT.METRICS_TOKEN,
    "gateway.award.secret=" + Tokens.AWARD_SECRET,
    "gateway.award.poll-interval=100ms",
    "gateway.connectors.allowed-hosts=localhost",
    "gateway.connectors.tick=100ms",
    "gateway.connectors.initial-backoff=200ms",
    "gateway.connectors.max-backoff=1s"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Spring Boot's tests leave metrics export off unless asked: the Prometheus endpoint is what is tested here
@AutoConfigureObservability(tracing = false)
// its own partner and award intake, both failing on purpose: no other test should share this gateway
@DirtiesContext
class HealthAndMetricsIT {

    static final String METRICS_TOKEN = "test-metrics-token-7f3a";
    static final String FAILING_CONNECTOR = "obs-broken-partner";

    /** The partner (500 on every page) and the award intake (401 on every push). */
    static final WireMockServer OUTSIDE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        OUTSIDE.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("gateway-health-metrics");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", () -> home.resolve("no-definitions").toString());
        registry.add("gateway.award.url", () -> OUTSIDE.baseUrl() + "/intake");
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeAll
    void troubleOnBothSides() {
        OUTSIDE.stubFor(get(urlPathEqualTo("/records")).willReturn(aResponse().withStatus(500).withBody("partner down")));
        OUTSIDE.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401).withBody("bad signature")));
        gateway = new GatewayClient(port);
        GatewayClient.Reply registered = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, CongjiangFixture.registryJson());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        GatewayClient.Reply fed = gateway.postJson("/api/v1/feeds/standard/records", Tokens.ADMIN, """
            [{"kind": "shipment", "carrier": "ZTO", "waybillNo": "OBS0000000001", "collectedAt": "2026-10-03T18:00:00+08:00",
              "originRegion": "522633100", "destRegion": "440106"},
             {"kind": "shipment", "carrier": "ZTO", "waybillNo": "OBS0000000001", "collectedAt": "2026-10-03T18:00:00+08:00",
              "originRegion": "522633100", "destRegion": "440106"},
             {"kind": "shipment", "carrier": "ZTO"}]""");
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);
        GatewayClient.Reply closed = gateway.send("POST", "/api/v1/periods/2026-10/close", Tokens.ADMIN, null, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("deliveriesQueued").asInt()).as(closed.body()).isPositive();

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
    void aFailingConnectorIsNamedToTheAdministratorWhileReadinessStaysUp() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode connectors = adminHealth().at("/components/connectors");
            assertThat(connectors.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(connectors.at("/details/failing").toString()).contains(FAILING_CONNECTOR);
            assertThat(connectors.at("/details/connectors/" + FAILING_CONNECTOR + "/lastError").asText()).contains("500");
        });
        assertThat(adminHealth().at("/components/connectors/details/connectors/" + FAILING_CONNECTOR + "/state").asText())
                .isEqualTo("FAILING");

        GatewayClient.Reply readiness = gateway.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(gateway.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void pushingPausedOn401IsNamedWithItsReason() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode delivery = adminHealth().at("/components/delivery");
            assertThat(delivery.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(delivery.at("/details/paused").asText()).contains("401").contains("gateway.award.secret");
            assertThat(delivery.at("/details/pending").asLong()).isPositive();
        });
    }

    @Test
    void everyoneButTheAdministratorSeesOnlyTheOverallStatusWhichStaysUpWhileTheDatabaseAnswers() {
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(adminHealth().at("/components/connectors/status").asText()));
        for (String token : new String[] {null, Tokens.READER, METRICS_TOKEN, "not-a-known-token"}) {
            GatewayClient.Reply health = gateway.get("/actuator/health", token);
            assertThat(health.status()).as("token %s", token).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().has("components")).as(health.body()).isFalse();
        }
        JsonNode components = adminHealth().get("components");
        assertThat(components.fieldNames()).toIterable().contains("connectors", "delivery", "db", "diskSpace");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        assertThat(components.at("/diskSpace/status").asText()).isEqualTo("UP");
    }

    @Test
    void thePrometheusScrapeCountsRecordsClosesPushesAndFailedRuns() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(sample(scrape, "gateway_delivery_attempts_total{reply=\"4xx\"}")).isNotNaN().isPositive();
            assertThat(sample(scrape, "gateway_connector_failures_total{connector=\"" + FAILING_CONNECTOR + "\"}")).isNotNaN().isPositive();
            assertThat(sample(scrape, "gateway_delivery_paused")).isEqualTo(1.0);
        });
        String scrape = scrape();
        assertThat(sample(scrape, "gateway_connector_records_in_total{connector=\"standard\"}")).isEqualTo(3.0);
        assertThat(sample(scrape, "gateway_connector_records_total{connector=\"standard\",outcome=\"accepted\"}")).isEqualTo(1.0);
        assertThat(sample(scrape, "gateway_connector_records_total{connector=\"standard\",outcome=\"duplicate\"}")).isEqualTo(1.0);
        assertThat(sample(scrape, "gateway_connector_records_total{connector=\"standard\",outcome=\"rejected\"}")).isEqualTo(1.0);
        assertThat(sample(scrape, "gateway_close_seconds_count")).isEqualTo(1.0);
        assertThat(sample(scrape, "gateway_verification_records_total{kind=\"shipment\",status=\"VERIFIED\"}")).isEqualTo(1.0);
        assertThat(sample(scrape, "gateway_connector_poll_seconds_count{connector=\"" + FAILING_CONNECTOR + "\",outcome=\"failure\"}"))
                .isNotNaN().isPositive();
        assertThat(sample(scrape, "gateway_delivery_backlog")).isNotNaN().isPositive();
        assertThat(sample(scrape, "gateway_delivery_oldest_pending_age_seconds")).isNotNaN().isGreaterThanOrEqualTo(0.0);
        assertThat(sample(scrape, "gateway_delivery_breaker{state=\"closed\"}")
                + sample(scrape, "gateway_delivery_breaker{state=\"open\"}")
                + sample(scrape, "gateway_delivery_breaker{state=\"half_open\"}")).isEqualTo(1.0);
        assertThat(sample(scrape, "gateway_connectors{state=\"failing\"}")).isEqualTo(1.0);
        assertThat(scrape).doesNotContain(Tokens.AWARD_SECRET).doesNotContain(METRICS_TOKEN);
    }

    @Autowired
    HttpCodeStatusMapper statusCodes;

    @Test
    void aGatewayOrAGroupThatIsDownOrOutOfServiceAnswers503AndOnlyDegradedStays200() {
        // the configured mapping replaces Spring's defaults: DOWN and OUT_OF_SERVICE must be named in it
        assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(new Status("DEGRADED"))).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
    }

    @Test
    void theMetricsTokenReadsTheScrapeAndNothingElse() {
        assertThat(gateway.get("/actuator/prometheus", METRICS_TOKEN).status()).isEqualTo(200);
        assertThat(gateway.get("/actuator/prometheus", Tokens.ADMIN).status()).isEqualTo(200);
        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(gateway.get("/actuator/prometheus", Tokens.READER).status()).isEqualTo(403);
        GatewayClient.Reply elsewhere = gateway.get("/api/v1/connectors", METRICS_TOKEN);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("status").asInt()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/figures", METRICS_TOKEN).status()).isEqualTo(403);
    }

    private JsonNode adminHealth() {
        GatewayClient.Reply health = gateway.get("/actuator/health", Tokens.ADMIN);
        assertThat(health.json()).as(health.body()).isNotNull();
        return health.json();
    }

    private String scrape() {
        GatewayClient.Reply scrape = gateway.get("/actuator/prometheus", METRICS_TOKEN);
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        return scrape.body();
    }

    /** The value of one sample line, its name and labels written as Prometheus writes them; NaN when absent. */
    private static double sample(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
