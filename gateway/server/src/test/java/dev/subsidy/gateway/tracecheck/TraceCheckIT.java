package dev.subsidy.gateway.tracecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.TestRecord;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.runtime.definition.EnvironmentVariables;
import dev.subsidy.simulators.carriers.CarrierSimulator;
import dev.subsidy.simulators.carriers.ZtoSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Trace verification end to end over HTTP, on SQLite, against ZTO's simulated trace API: a parcel the
 * carrier knows and whose trace matches the feed is confirmed and VERIFIED at the close, one it does not
 * know and one it collected days before the feed says are SUSPECT by trace.unconfirmed; every check is
 * kept; the connector's rate limit holds for the gateway's questions; a carrier without a connector and
 * a carrier error leave parcels unchecked, never suspect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.connectors.allowed-hosts=localhost",
    "gateway.connectors.tick=100ms"
})
@Import(TraceCheckIT.Environment.class)
// Its own context, not SharedGateway's: it closes periods (every record of the period is verified again, which
// would touch other classes' records) and needs the simulator's secret in the operator's environment.
@DirtiesContext
class TraceCheckIT {

    private static final String SECRET_VARIABLE = "IT_TRACE_ZTO_SECRET";
    private static final String KNOWN = "73123456780301";
    private static final String COLLECTED_EARLIER = "73123456780302";
    private static final String UNKNOWN = "73123456780303";

    @TestConfiguration(proxyBeanMethods = false)
    static class Environment {
        @Bean
        @Primary
        EnvironmentVariables traceCheckEnvironment() {
            return name -> Optional.ofNullable(Map.of(SECRET_VARIABLE, CarrierSimulator.SECRET).get(name));
        }
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-trace-check");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", () -> home.resolve("no-definitions").toString());
    }

    @RegisterExtension
    final Partner partner = new Partner();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;
    ZtoSimulator zto;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        assertThat(gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, CongjiangFixture.registryJson()).status())
                .isEqualTo(200);
        zto = new ZtoSimulator(KNOWN);
        zto.serve(partner, List.of(new TestRecord(COLLECTED_EARLIER, Instant.EPOCH)));
        defineZtoConnector(2);
    }

    @AfterEach
    void simulatorHeldUp() {
        assertThat(partner.responderFailures()).isEmpty();
    }

    /** ZTO's trace-query connector for verification only (no waybills of its own), at {@code rate} calls a second. */
    private void defineZtoConnector(int rate) {
        String yaml = """
            id: zto-verify
            type: trace-query
            mapping: zto-trace-query
            rateLimit: %d
            settings:
              carrier: zto
              base_url: %s
              app_key: %s
              app_secret: ${env:%s}
              phone: "1234"
            """.formatted(rate, partner.baseUrl(), CarrierSimulator.APP_KEY, SECRET_VARIABLE);
        GatewayClient.Reply added = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    @Test
    void theCarrierConfirmsOneParcelAndTheCloseMakesTheUnknownAndTheContradictedSuspect() {
        feed(parcel("ZTO", KNOWN, "2026-03-01T16:45:00+08:00", "2026-03-03T11:20:31+08:00", "TAOBAO:T301")
                + "," + order("T301", "2026-03-01T10:00:00+08:00", "ZTO:" + KNOWN)
                + "," + parcel("ZTO", COLLECTED_EARLIER, "2026-03-05T09:00:00+08:00", "2026-03-07T10:00:00+08:00", "TAOBAO:T302")
                + "," + order("T302", "2026-03-05T08:00:00+08:00", "ZTO:" + COLLECTED_EARLIER)
                + "," + parcel("ZTO", UNKNOWN, "2026-03-02T16:00:00+08:00", "2026-03-04T11:00:00+08:00", null)
                + "," + order("T303", "2026-03-02T09:00:00+08:00", "ZTO:" + UNKNOWN)
                // no order carries it: not an e-commerce parcel, not asked about
                + "," + parcel("ZTO", "73123456780304", "2026-03-02T17:00:00+08:00", "2026-03-04T12:00:00+08:00", null));

        JsonNode summary = traceChecks("2026-03");

        assertThat(summary.get("eligible").asInt()).isEqualTo(3);
        assertThat(summary.get("sampled").asInt()).as("three is below all-below: every one").isEqualTo(3);
        assertThat(summary.get("selected").asInt()).isEqualTo(3);
        assertThat(summary.get("checked").asInt()).isEqualTo(3);
        assertThat(summary.get("confirmed").asInt()).isEqualTo(1);
        assertThat(summary.get("unknown").asInt()).isEqualTo(1);
        assertThat(summary.get("contradicts").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("unchecked").asInt()).isZero();
        assertThat(partner.requests()).extracting(r -> JsonBody.billCode(r))
                .containsExactlyInAnyOrder(KNOWN, COLLECTED_EARLIER, UNKNOWN);
        assertThat(jdbc.queryForList("SELECT outcome FROM trace_check WHERE natural_key = ?", String.class, "ZTO:" + COLLECTED_EARLIER))
                .containsExactly("CONTRADICTS");
        assertThat(jdbc.queryForObject("SELECT detail FROM trace_check WHERE natural_key = ?", String.class, "ZTO:" + COLLECTED_EARLIER))
                .contains("2026-03-01 16:45", "2026-03-05 09:00", "more than 24 h");

        // a second run asks nobody: every sampled parcel is checked
        JsonNode again = traceChecks("2026-03");
        assertThat(again.get("alreadyChecked").asInt()).isEqualTo(3);
        assertThat(again.get("selected").asInt()).isZero();
        assertThat(partner.requests()).hasSize(3);

        GatewayClient.Reply close = gateway.postJson("/api/v1/periods/2026-03/close", Tokens.ADMIN, "");
        assertThat(close.status()).as(close.body()).isEqualTo(200);
        JsonNode known = record("ZTO:" + KNOWN);
        assertThat(known.get("status").asText()).as(known.toString()).isEqualTo("VERIFIED");
        JsonNode unknown = record("ZTO:" + UNKNOWN);
        assertThat(unknown.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(unknown.get("reasons").toString()).contains("does not know waybill " + UNKNOWN, "zto-verify");
        assertThat(rules("ZTO:" + UNKNOWN)).contains("trace.unconfirmed");
        JsonNode contradicted = record("ZTO:" + COLLECTED_EARLIER);
        assertThat(contradicted.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(contradicted.get("reasons").toString()).contains("contradicts the feed", "more than 24 h");
        assertThat(rules("ZTO:" + COLLECTED_EARLIER)).contains("trace.unconfirmed");
        assertThat(rules("ZTO:" + KNOWN)).doesNotContain("trace.unconfirmed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trace_check WHERE natural_key IN (?, ?, ?)", Integer.class,
                "ZTO:" + KNOWN, "ZTO:" + COLLECTED_EARLIER, "ZTO:" + UNKNOWN)).as("every check kept, once").isEqualTo(3);
    }

    @Test
    void theConnectorsRateLimitHoldsForTheGatewaysQuestions() {
        // ZTO answers one waybill a call; at two calls a second, five calls span more than a second
        List<String> waybills = IntStream.rangeClosed(1, 6).mapToObj(i -> String.format("731234567805%02d", i)).toList();
        StringBuilder body = new StringBuilder();
        for (String w : waybills) {
            body.append(body.isEmpty() ? "" : ",")
                    .append(parcel("ZTO", w, "2026-04-02T16:00:00+08:00", "2026-04-04T11:00:00+08:00", "TAOBAO:R" + w));
        }
        feed(body.toString());

        JsonNode summary = traceChecks("2026-04");

        assertThat(summary.get("unknown").asInt()).isEqualTo(6);
        List<Instant> at = new ArrayList<>(partner.requests().stream().map(r -> r.getLoggedDate().toInstant())
                .sorted(Comparator.naturalOrder()).toList());
        assertThat(at).hasSize(6);
        for (int i = 0; i + 4 < at.size(); i++) {
            assertThat(Duration.between(at.get(i), at.get(i + 4))).as("calls %d to %d: %s", i, i + 4, at)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void aCarrierErrorAndACarrierWithoutConnectorLeaveParcelsUncheckedNeverSuspect() {
        zto.limitEveryCall();
        feed(parcel("ZTO", "73123456780601", "2026-05-02T16:00:00+08:00", "2026-05-04T11:00:00+08:00", "TAOBAO:L1")
                + "," + parcel("SF", "SF1234567890601", "2026-05-02T16:00:00+08:00", "2026-05-04T11:00:00+08:00", "TAOBAO:L2"));

        JsonNode summary = traceChecks("2026-05");

        assertThat(summary.get("selected").asInt()).isEqualTo(2);
        assertThat(summary.get("checked").asInt()).isZero();
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.at("/failures/0/naturalKey").asText()).isEqualTo("ZTO:73123456780601");
        assertThat(summary.at("/failures/0/reason").asText()).contains("S221");
        assertThat(summary.get("unchecked").asInt()).isEqualTo(1);
        assertThat(summary.at("/uncheckedCarriers/SF").asText()).contains("no trace-query connector has carrier sf");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trace_check t JOIN shipment s ON s.natural_key = t.natural_key "
                + "WHERE s.collected_at >= ?", Integer.class, Instant.parse("2026-05-01T00:00:00Z").toEpochMilli())).isZero();
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedWithTheReason() {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/periods/2026-13/trace-checks", Tokens.ADMIN, "");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isNotBlank();
        assertThat(gateway.postJson("/api/v1/periods/2026-03/trace-checks", Tokens.FEEDER, "").status()).isEqualTo(403);
    }

    // ---- helpers ----

    private JsonNode traceChecks(String period) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/periods/" + period + "/trace-checks", Tokens.ADMIN, "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The rules that found something about a shipment at its last close. */
    private List<String> rules(String key) {
        return jdbc.queryForList("SELECT rule FROM record_finding WHERE natural_key = ?", String.class, key);
    }

    private JsonNode record(String key) {
        GatewayClient.Reply reply = gateway.get("/api/v1/records/shipment/" + key, Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void feed(String records) {
        GatewayClient.Reply fed = gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER, "[" + records + "]");
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);
        assertThat(fed.json().path("rejected")).as(fed.body()).isEmpty();
    }

    /** An honest-looking parcel from 从江's ZTO site to Tianhe, with its three scans. */
    private static String parcel(String carrier, String waybill, String collected, String delivered, String orderRef) {
        String site = carrier.equals("ZTO") ? "CJ-ZTO-01" : "CJ-SF-01";
        return """
            {"kind": "shipment", "carrier": "%s", "waybillNo": "%s", "collectedAt": "%s", "originSite": "%s",
             "originRegion": "522633100", "destRegion": "440106", "deliveredAt": "%s", "deliveredRegion": "440106",
             "weightGrams": 800, "traceEvents": 3, %s
             "scans": [{"type": "collect", "at": "%s", "region": "522633100", "facility": "%s"},
                       {"type": "arrive", "at": "%s", "region": "440100", "facility": "GZ-00"},
                       {"type": "deliver", "at": "%s", "region": "440106"}],
             "updatedAt": "%s"}""".formatted(carrier, waybill, collected, site, delivered,
                orderRef == null ? "" : "\"orderRef\": \"" + orderRef + "\",", collected, site,
                OffsetDateTime.parse(collected).plusHours(20).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), delivered, delivered);
    }

    private static String order(String id, String paid, String waybill) {
        return """
            {"kind": "order", "platform": "TAOBAO", "orderId": "%s", "shopId": "tea-001", "channel": "B2C",
             "status": "PAID", "paidAt": "%s", "amount": "59.90", "waybills": ["%s"], "updatedAt": "%s"}"""
                .formatted(id, paid, waybill, paid);
    }

    /** What ZTO's simulator was asked. */
    private static final class JsonBody {
        static String billCode(LoggedRequest request) {
            return request.getBodyAsString().replaceAll(".*\"billCode\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }
    }
}
