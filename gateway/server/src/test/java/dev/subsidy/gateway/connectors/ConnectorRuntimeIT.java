package dev.subsidy.gateway.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector runtime end to end over HTTP, on SQLite, against a WireMock partner: definitions from
 * the config folder and through the API, validation, run now, pause and resume, failure with backoff
 * and recovery, a crash between the records and the checkpoint, the host allow-list, push connectors
 * with their own feeder tokens, and secrets that appear in no reply and no log line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.connectors.allowed-hosts=localhost,.partner.example",
    "gateway.connectors.tick=100ms",
    "gateway.connectors.initial-backoff=200ms",
    "gateway.connectors.max-backoff=1s"
})
@Import(TestConnectorBeans.class)
@ExtendWith(OutputCaptureExtension.class)
// Its own context, not SharedGateway's: it asserts what a definition in the config folder does at startup (the
// folder and the partner's pages are made before the application starts), and it replaces the mapping engine with
// TestMapper, whose mappings and messages it asserts. Closed after the class: its connectors would otherwise keep
// polling a stopped partner beside other tests.
@DirtiesContext
class ConnectorRuntimeIT {

    static final Partner PARTNER = new Partner();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-connectors");
        Path dir = Files.createDirectories(home.resolve("connectors"));
        // the folder's definition: two pages waiting at the partner before the gateway starts
        PARTNER.page("folder", "0", "1", true, "FOLDER00000001", "FOLDER00000002");
        PARTNER.page("folder", "1", "2", false, "FOLDER00000003");
        Files.writeString(dir.resolve("it-folder.yml"), pull("it-folder", "folder"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.txt"), "not a definition: ignored");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", dir::toString);
    }

    @AfterAll
    static void stopPartner() {
        PARTNER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    static String pull(String id, String prefix) {
        return """
            id: %s
            type: test-pull
            schedule: 1h
            settings:
              base_url: %s
              api_key: ${env:IT_API_KEY}
            """.formatted(id, PARTNER.baseUrl(prefix));
    }

    // ---- definitions ----

    @Test
    void aDefinitionInTheConfigFolderRunsAtStartupPagesToTheEndAndRunsAgainOnDemand() {
        await().atMost(Duration.ofSeconds(20)).until(() -> shipments("FOLDER%") == 3);
        JsonNode view = connector("it-folder");
        assertThat(view.get("state").asText()).isEqualTo("IDLE");
        assertThat(view.get("kind").asText()).isEqualTo("PULL");
        assertThat(view.get("recordsIn").asLong()).isEqualTo(3);
        assertThat(view.get("rejected").asLong()).isZero();
        assertThat(view.hasNonNull("lastSuccess")).isTrue();
        assertThat(checkpoint("it-folder")).isEqualTo("{\"cursor\":\"2\"}");
        // the administrator sees how far it has read
        assertThat(view.at("/checkpoint/cursor").asText()).isEqualTo("2");
        assertThat(view.hasNonNull("checkpointMovedAt")).isTrue();

        // the schedule is an hour away: run now polls from the committed cursor at once
        PARTNER.page("folder", "2", "3", false, "FOLDER00000004");
        GatewayClient.Reply run = gateway.send("POST", "/api/v1/connectors/it-folder/run", Tokens.ADMIN, null, null);
        assertThat(run.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> shipments("FOLDER00000004") == 1);
        assertThat(PARTNER.calls("folder", "0")).isEqualTo(1);
        assertThat(PARTNER.calls("folder", "2")).isEqualTo(1);
    }

    @Test
    void aConnectorConfiguredInAFileIsNotDeletedThroughTheApiSinceTheFileWouldAddItAgain() {
        GatewayClient.Reply refused = gateway.send("DELETE", "/api/v1/connectors/it-folder", Tokens.ADMIN, null, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).contains("configured in a file", "it-folder.yml");
        assertThat(connector("it-folder").get("state").asText()).isNotEqualTo("STOPPED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM connector_definition WHERE id = 'it-folder'", Integer.class)).isOne();
    }

    @Test
    void aDefinitionPostedAsYamlRunsWithoutRestartIsStoredWithItsReferenceAndPausesAndResumes() {
        PARTNER.page("api", "0", "1", false, "API00000000001");
        GatewayClient.Reply added = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml",
                pull("it-api", "api").getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().at("/definition/settings/api_key").asText()).isEqualTo("${env:IT_API_KEY}");
        await().atMost(Duration.ofSeconds(10)).until(() -> shipments("API00000000001") == 1);
        assertThat(jdbc.queryForObject("SELECT body FROM connector_definition WHERE id = 'it-api'", String.class))
                .contains("${env:IT_API_KEY}").doesNotContain(TestConnectorBeans.API_KEY);

        assertThat(post("/api/v1/connectors/it-api/pause").json().get("state").asText()).isEqualTo("PAUSED");
        assertThat(jdbc.queryForObject("SELECT paused FROM connector_definition WHERE id = 'it-api'", Integer.class)).isOne();
        GatewayClient.Reply refused = post("/api/v1/connectors/it-api/run");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).contains("paused");
        PARTNER.page("api", "1", "2", false, "API00000000002");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> PARTNER.calls("api", "1") == 0);

        assertThat(post("/api/v1/connectors/it-api/resume").json().get("state").asText()).isEqualTo("IDLE");
        await().atMost(Duration.ofSeconds(10)).until(() -> shipments("API00000000002") == 1);

        // replaced as JSON, same type: it goes on from its checkpoint, never re-reads the first page
        PARTNER.page("api", "2", "3", false, "API00000000003");
        GatewayClient.Reply replaced = gateway.postJson("/api/v1/connectors", Tokens.ADMIN, """
            {"id": "it-api", "type": "test-pull", "schedule": "30m",
             "settings": {"base_url": "%s", "api_key": "${env:IT_API_KEY}", "page_size": 20}}""".formatted(PARTNER.baseUrl("api")));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().at("/definition/schedule").asText()).isEqualTo("PT30M");
        await().atMost(Duration.ofSeconds(10)).until(() -> shipments("API00000000003") == 1);
        assertThat(PARTNER.calls("api", "0")).isEqualTo(1);
        assertThat(connector("it-api").get("recordsIn").asLong()).isEqualTo(3);
    }

    @Test
    void validateReturnsEveryProblemAtOnceAndNeverRepeatsALiteralSecret() {
        GatewayClient.Reply reply = gateway.send("POST", "/api/v1/connectors/validate", Tokens.ADMIN, "application/yaml", """
            id: it-bad
            type: test-pull
            mapping: zto-trace
            schedule: soon
            colour: blue
            settings:
              base_url: http://169.254.169.254/latest/meta-data
              api_key: hunter2-literal-secret
              page_size: ten
              bse_url: http://x.partner.example/
              leak_secret_in_errors: ${env:IT_NOT_SET}
            """.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("valid").asBoolean()).isFalse();
        List<String> problems = problems(reply.json());
        assertThat(problems).contains(
                "colour: unknown field (known: assembly, feederTokenEnv, id, mapping, mappingParams, rateLimit, schedule, settings, type)",
                "schedule: must be a positive duration (PT10M, 30s, 10m, 1h, 1d)",
                "settings.api_key: a secret must be a reference to the environment such as ${env:IT_BAD_API_KEY}, never a value",
                "settings.leak_secret_in_errors: environment variable IT_NOT_SET is not set",
                "settings.page_size: not an integer: 'ten'",
                "settings.bse_url: unknown setting",
                "mapping: unknown mapping 'zto-trace'; known mappings: test-native, standard");
        assertThat(problems).anyMatch(p -> p.startsWith("settings.base_url: host '169.254.169.254' is not in gateway.connectors.allowed-hosts"));
        assertThat(problems).hasSize(8);
        assertThat(reply.body()).doesNotContain("hunter2-literal-secret");

        GatewayClient.Reply unknownType = gateway.postJson("/api/v1/connectors/validate", Tokens.ADMIN, """
            {"id": "Not An Id", "type": "zto-magic", "feederTokenEnv": "lower-case?"}""");
        assertThat(problems(unknownType.json())).contains(
                "id: 'Not An Id' must be lower case letters, digits and dashes (at most 64)",
                "feederTokenEnv: must be the name of an environment variable, such as ZTO_FEEDER_TOKEN")
                .anyMatch(p -> p.startsWith("type: unknown connector type 'zto-magic'; known types: ")
                        && p.contains("http-push (built-in)") && p.contains("test-pull (built-in)"));

        // add refuses what validate refuses, and adds nothing
        GatewayClient.Reply add = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml", """
            id: it-bad
            type: test-pull
            settings:
              base_url: http://localhost:1/
              api_key: hunter2-literal-secret
            """.getBytes(StandardCharsets.UTF_8));
        assertThat(add.status()).isEqualTo(400);
        assertThat(add.body()).doesNotContain("hunter2-literal-secret");
        assertThat(gateway.get("/api/v1/connectors/it-bad", Tokens.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aHostOffTheAllowListIsRefusedEvenLoopbackUnlessListedExactly() {
        for (String url : List.of("http://127.0.0.1:" + PARTNER.port() + "/x", "http://internal.example/x",
                "http://partner.example.evil.com/x")) {
            GatewayClient.Reply add = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml", """
                id: it-internal
                type: test-pull
                settings:
                  base_url: %s
                  api_key: ${env:IT_API_KEY}
                """.formatted(url).getBytes(StandardCharsets.UTF_8));
            assertThat(add.status()).isEqualTo(400);
            assertThat(problems(add.json())).singleElement().asString()
                    .startsWith("settings.base_url: host '")
                    .contains("is not in gateway.connectors.allowed-hosts (allowed: localhost, .partner.example)");
        }
        assertThat(gateway.get("/api/v1/connectors/it-internal", Tokens.ADMIN).status()).isEqualTo(404);
    }

    // ---- failures ----

    @Test
    void aFailingConnectorIsFailingWithItsErrorRetriesWithBackoffAndRecoversWhileOthersRun() {
        PARTNER.failing("flaky", 503);
        assertThat(post("/api/v1/connectors", pull("it-flaky", "flaky")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> connector("it-flaky").get("failures").asInt() >= 3);
        JsonNode failing = connector("it-flaky");
        assertThat(failing.get("state").asText()).isEqualTo("FAILING");
        assertThat(failing.get("lastError").asText()).isEqualTo("TRANSIENT: partner answered 503");
        assertThat(Instant.parse(failing.get("nextRunAt").asText())).isAfter(Instant.parse(failing.get("lastErrorAt").asText()));
        // backoff, not a hot loop: at 100 ms ticks an unthrottled retry would have called far more often
        assertThat(PARTNER.calls("flaky")).isLessThan(failing.get("failures").asInt() + 2);
        assertThat(shipments("FLAKY%")).isZero();

        // another connector is not held up by the failing one
        PARTNER.page("steady", "0", "1", false, "STEADY00000001");
        assertThat(post("/api/v1/connectors", pull("it-steady", "steady")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> shipments("STEADY00000001") == 1);
        assertThat(connector("it-flaky").get("state").asText()).isEqualTo("FAILING");

        PARTNER.reset("flaky");
        PARTNER.page("flaky", "0", "1", false, "FLAKY000000001");
        await().atMost(Duration.ofSeconds(10)).until(() -> connector("it-flaky").get("state").asText().equals("IDLE"));
        assertThat(shipments("FLAKY000000001")).isOne();
        assertThat(connector("it-flaky").get("failures").asInt()).isZero();
    }

    @Test
    void aFailureBetweenTheRecordsAndTheCheckpointRollsBothBackAndTheNextPollReadsTheSameWindowOnce() {
        // the database refuses this connector's checkpoint write: the records were written first, in
        // the same transaction, and must not survive it
        jdbc.execute("CREATE TRIGGER it_crash_insert BEFORE INSERT ON connector_checkpoint WHEN NEW.connector_id = 'it-crash' "
                + "BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
        PARTNER.page("crash", "0", "1", false, "CRASH000000001", "CRASH000000002");
        try {
            assertThat(post("/api/v1/connectors", pull("it-crash", "crash")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> PARTNER.calls("crash", "0") >= 2);
            JsonNode failing = connector("it-crash");
            assertThat(failing.get("state").asText()).isEqualTo("FAILING");
            assertThat(failing.get("lastError").asText()).contains("disk full (test)");
            assertThat(shipments("CRASH%")).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_batch WHERE connector_id = 'it-crash'", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(versions), 0) FROM shipment WHERE natural_key LIKE 'ZTO:CRASH%'", Integer.class)).isZero();
            assertThat(checkpoint("it-crash")).isNull();
        } finally {
            jdbc.execute("DROP TRIGGER it_crash_insert");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> connector("it-crash").get("state").asText().equals("IDLE"));
        assertThat(shipments("CRASH%")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(duplicates) FROM shipment WHERE natural_key LIKE 'ZTO:CRASH%'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(versions) FROM shipment WHERE natural_key LIKE 'ZTO:CRASH%'", Integer.class)).isEqualTo(2);
        assertThat(checkpoint("it-crash")).isEqualTo("{\"cursor\":\"1\"}");
        assertThat(connector("it-crash").get("recordsIn").asLong()).isEqualTo(2);
        assertThat(PARTNER.calls("crash", "1")).isZero();
    }

    // ---- push ----

    @Test
    void aPushConnectorTakesNativePayloadsWithItsOwnTokenOnlyAndMapsThem() {
        assertThat(post("/api/v1/connectors", """
            id: it-push
            type: http-push
            mapping: test-native
            feederTokenEnv: IT_FEEDER_TOKEN
            """).status()).isEqualTo(200);
        assertThat(post("/api/v1/connectors", """
            id: it-push-other
            type: http-push
            feederTokenEnv: IT_OTHER_FEEDER_TOKEN
            """).status()).isEqualTo(200);

        String native1 = """
            [{"no": "PUSH0000000001", "co": "ZTO", "at": "2026-10-03T18:00:00+08:00", "from": "522633100", "to": "440106"},
             {"co": "ZTO", "at": "2026-10-03T18:00:00+08:00"}]""";
        GatewayClient.Reply stored = gateway.postJson("/api/v1/feeds/it-push/records", TestConnectorBeans.FEEDER_TOKEN, native1);
        assertThat(stored.status()).as(stored.body()).isEqualTo(202);
        assertThat(stored.json().get("accepted").asInt()).isOne();
        assertThat(stored.json().at("/rejected/0/reason").asText()).isEqualTo("item 2: test-native: field 'no' is missing");
        assertThat(jdbc.queryForObject("SELECT connector_id FROM shipment WHERE natural_key = 'ZTO:PUSH0000000001'", String.class))
                .isEqualTo("it-push");

        // each feeder may post to its own connector only
        assertThat(gateway.postJson("/api/v1/feeds/it-push/records", TestConnectorBeans.OTHER_FEEDER_TOKEN, native1).status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/feeds/it-push-other/records", TestConnectorBeans.FEEDER_TOKEN, "[]").status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/feeds/standard/records", TestConnectorBeans.FEEDER_TOKEN, "[]").status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/feeds/it-push/records", "no-such-token", native1).status()).isEqualTo(403);
        GatewayClient.Reply other = gateway.postJson("/api/v1/feeds/it-push-other/records", TestConnectorBeans.OTHER_FEEDER_TOKEN,
                "[" + Partner.shipment("PUSH0000000002") + "]");
        assertThat(other.status()).isEqualTo(202);
        assertThat(other.json().get("accepted").asInt()).isOne();
        // the feeder tokens of gateway.security.feeder-tokens still work
        assertThat(gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER, "[" + Partner.shipment("PUSH0000000003") + "]")
                .status()).isEqualTo(202);

        // a body that cannot be read at all is the connector's BAD_PAYLOAD: 400 with the reason
        GatewayClient.Reply broken = gateway.postJson("/api/v1/feeds/it-push/records", TestConnectorBeans.FEEDER_TOKEN, "[{");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).startsWith("BAD_PAYLOAD: ");

        JsonNode view = connector("it-push");
        assertThat(view.get("kind").asText()).isEqualTo("PUSH");
        assertThat(view.get("recordsIn").asLong()).isEqualTo(2);
        assertThat(view.get("rejected").asLong()).isOne();
        assertThat(view.at("/definition/feederTokenEnv").asText()).isEqualTo("IT_FEEDER_TOKEN");
        assertThat(view.has("checkpoint")).as("a push connector has no checkpoint").isFalse();
    }

    // ---- secrets ----

    @Test
    void secretsAppearInNoReplyNoStoredDefinitionAndNoLogLineEvenFromAConnectorThatLeaksThem(CapturedOutput log) {
        // the partner knows nothing under this prefix: 404, and the connector puts its key in the error
        assertThat(post("/api/v1/connectors", """
            id: it-leaky
            type: test-pull
            settings:
              base_url: %s
              api_key: ${env:IT_LEAKY_KEY}
              leak_secret_in_errors: true
            """.formatted(PARTNER.baseUrl("leaky"))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector("it-leaky").get("failures").asInt() >= 2);
        assertThat(connector("it-leaky").get("lastError").asText()).isEqualTo("TRANSIENT: partner answered 404 (sent key ****)");
        assertThat(log.getAll()).contains("connector it-leaky failed");

        List<String> places = new ArrayList<>();
        places.add(log.getAll());
        places.add(gateway.get("/api/v1/connectors", Tokens.ADMIN).body());
        places.add(gateway.get("/api/v1/connectors/it-leaky", Tokens.ADMIN).body());
        places.addAll(jdbc.queryForList("SELECT body FROM connector_definition", String.class));
        for (String secret : TestConnectorBeans.ENV.values()) {
            assertThat(places).allSatisfy(p -> assertThat(p).doesNotContain(secret));
        }
    }

    // ---- helpers ----

    private GatewayClient.Reply post(String path) {
        return gateway.send("POST", path, Tokens.ADMIN, null, null);
    }

    private GatewayClient.Reply post(String path, String yaml) {
        return gateway.send("POST", path, Tokens.ADMIN, "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode connector(String id) {
        GatewayClient.Reply reply = gateway.get("/api/v1/connectors/" + id, Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> problems(JsonNode reply) {
        List<String> out = new ArrayList<>();
        reply.get("problems").forEach(p -> out.add(p.get("field").asText() + ": " + p.get("message").asText()));
        return out;
    }

    private int shipments(String waybillLike) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE waybill_no LIKE ?", Integer.class, waybillLike);
    }

    private String checkpoint(String id) {
        List<String> rows = jdbc.queryForList("SELECT checkpoint FROM connector_checkpoint WHERE connector_id = ?", String.class, id);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
