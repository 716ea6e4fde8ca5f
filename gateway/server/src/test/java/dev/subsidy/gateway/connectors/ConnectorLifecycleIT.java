package dev.subsidy.gateway.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connector lifecycle as Kafka Connect's REST offers it, over HTTP on the shared gateway: delete a
 * connector (its records and history stay), delete a mapping (refused while used or imported), reset a
 * pull connector's checkpoint (the re-read comes back as duplicates), the five states, the run history,
 * and a file connector's files with a failed file's report. Every connector it adds is deleted after
 * each test.
 */
class ConnectorLifecycleIT extends SharedGateway {

    static final String FEEDER = ENVIRONMENT.get("IT_LIFECYCLE_FEEDER");
    static final WireMockServer PARTNER = new WireMockServer(options().dynamicPort());

    /** A page of the parcel API the pull connectors read: two parcels, no more pages. */
    static final String PAGE = """
        {"code": 0, "data": {"parcels": [
          {"trackingNo": "YTLIFE00000001", "courier": "圆通速递", "pickedUpAt": "2026-03-05 08:30:00",
           "fromDivision": "522633", "toDivision": "440106", "weightKg": 0.8},
          {"trackingNo": "YTLIFE00000002", "courier": "圆通速递", "pickedUpAt": "2026-03-05 09:10:00",
           "fromDivision": "522633", "toDivision": "440106", "weightKg": 1.5}
        ], "hasMore": false}}""";

    static final String PARCEL_MAPPING = """
        {
          "kind": "shipment",
          "carrier": carrier-code(.courier),
          "waybillNo": .trackingNo,
          "collectedAt": china-time-to-iso(.pickedUpAt),
          "originRegion": .fromDivision,
          "destRegion": .toDivision,
          "weightGrams": round(.weightKg * 1000)
        }
        """;

    static final String HEADER = "运单号,快递公司,揽收时间,揽收网点,目的地,重量(kg)\n";

    @BeforeAll
    static void startPartner() {
        PARTNER.start();
        PARTNER.stubFor(get(urlPathEqualTo("/life/parcels")).willReturn(okJson(PAGE)));
        PARTNER.stubFor(get(urlPathEqualTo("/slow/parcels")).willReturn(okJson(PAGE.replace("YTLIFE", "YTSLOW"))
                .withFixedDelay(3000)));
        PARTNER.stubFor(get(urlPathEqualTo("/busy/parcels")).willReturn(okJson(PAGE.replace("YTLIFE", "YTBUSY"))
                .withFixedDelay(3000)));
        PARTNER.stubFor(get(urlPathEqualTo("/set/parcels")).willReturn(okJson(PAGE.replace("YTLIFE", "YTSET"))));
        PARTNER.stubFor(get(urlPathEqualTo("/down/parcels")).willReturn(aResponse().withStatus(500).withBody("down")));
    }

    @AfterAll
    static void stopPartner() {
        PARTNER.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;
    final List<String> added = new ArrayList<>();

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @AfterEach
    void deleteWhatThisTestAdded() {
        added.forEach(id -> gateway.send("DELETE", "/api/v1/connectors/" + id, Tokens.ADMIN, null, null));
    }

    // ---- delete ----

    @Test
    void aDeletedPushConnectorRefusesFeedsWith404AndItsRecordsAndHistoryStay() {
        add("""
            {"id": "it-life-push", "type": "http-push", "feederTokenEnv": "IT_LIFECYCLE_FEEDER"}""");
        assertThat(feed("it-life-push", "LIFEPUSH000001").status()).isEqualTo(202);
        GatewayClient.Reply reset = post("/api/v1/connectors/it-life-push/checkpoint/reset");
        assertThat(reset.status()).isEqualTo(409);
        assertThat(reset.json().get("error").asText()).contains("not a pull connector");

        GatewayClient.Reply deleted = gateway.send("DELETE", "/api/v1/connectors/it-life-push", Tokens.ADMIN, null, null);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(deleted.json().get("accepted").asLong()).isEqualTo(1);
        // its feeder token went with it (403); the administrator, whose token still counts, is told it is gone (404)
        assertThat(feed("it-life-push", "LIFEPUSH000002").status()).isEqualTo(403);
        GatewayClient.Reply refused = feed("it-life-push", "LIFEPUSH000002", Tokens.ADMIN);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("error").asText()).contains("it-life-push");
        assertThat(gateway.get("/api/v1/connectors/it-life-push", Tokens.ADMIN).status()).isEqualTo(404);
        assertThat(gateway.send("DELETE", "/api/v1/connectors/it-life-push", Tokens.ADMIN, null, null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM connector_definition WHERE id = 'it-life-push'", Integer.class)).isZero();
        // what it stored stays: the record, its batch, its post in the history
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:LIFEPUSH000001", Tokens.ADMIN).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:LIFEPUSH000002", Tokens.ADMIN).status()).isEqualTo(404);
        JsonNode runs = gateway.get("/api/v1/connectors/it-life-push/runs", Tokens.ADMIN).json();
        assertThat(runs.get("total").asLong()).isOne();
        assertThat(runs.at("/items/0/accepted").asLong()).isOne();
        assertThat(runs.at("/items/0/outcome").asText()).isEqualTo("OK");
    }

    @Test
    void anUnknownConnectorCannotBeDeletedNorHaveHistory() {
        GatewayClient.Reply deleted = gateway.send("DELETE", "/api/v1/connectors/it-life-never", Tokens.ADMIN, null, null);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.json().get("error").asText()).contains("it-life-never");
        assertThat(gateway.get("/api/v1/connectors/it-life-never/runs", Tokens.ADMIN).status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/connectors/it-life-never/runs?size=0", Tokens.ADMIN).status()).isEqualTo(400);
    }

    // ---- mappings ----

    @Test
    void aMappingUsedByAConnectorOrImportedByAMappingIsKeptUntilTheyAreGone() {
        String shipment = "{\"kind\": \"shipment\", \"carrier\": %s, \"waybillNo\": .no, \"collectedAt\": .at, "
                + "\"originRegion\": \"522633\", \"destRegion\": \"440106\"}";
        GatewayClient.Reply base = putMapping("it-life-base", "def carrier() \"ZTO\"\n" + shipment.formatted("carrier()"));
        assertThat(base.status()).as(base.body()).isEqualTo(200);
        GatewayClient.Reply importer = putMapping("it-life-importer", "import \"it-life-base\" as base\n"
                + shipment.formatted("base:carrier()"));
        assertThat(importer.status()).as(importer.body()).isEqualTo(200);
        add("""
            {"id": "it-life-mapped", "type": "http-push", "mapping": "it-life-base", "feederTokenEnv": "IT_LIFECYCLE_FEEDER"}""");

        GatewayClient.Reply used = deleteMapping("it-life-base");
        assertThat(used.status()).isEqualTo(409);
        assertThat(used.json().get("error").asText()).contains("it-life-mapped");

        assertThat(gateway.send("DELETE", "/api/v1/connectors/it-life-mapped", Tokens.ADMIN, null, null).status()).isEqualTo(200);
        GatewayClient.Reply imported = deleteMapping("it-life-base");
        assertThat(imported.status()).isEqualTo(409);
        assertThat(imported.json().get("error").asText()).contains("it-life-importer");

        assertThat(deleteMapping("it-life-importer").status()).isEqualTo(204);
        assertThat(deleteMapping("it-life-base").status()).isEqualTo(204);
        assertThat(home().resolve("mappings/it-life-base.jslt")).doesNotExist();
        assertThat(mappingNames()).doesNotContain("it-life-base", "it-life-importer");
        assertThat(deleteMapping("it-life-base").status()).isEqualTo(404);
    }

    @Test
    void builtInAndFolderMappingsCannotBeDeleted() {
        GatewayClient.Reply builtIn = deleteMapping("standard-csv");
        assertThat(builtIn.status()).isEqualTo(409);
        assertThat(builtIn.json().get("error").asText()).contains("built-in");
        assertThat(deleteMapping("standard").json().get("error").asText()).contains("built-in");
        GatewayClient.Reply folder = deleteMapping(BROKEN_MAPPING);
        assertThat(folder.status()).isEqualTo(409);
        assertThat(folder.json().get("error").asText()).contains("operator's folder");
        assertThat(mappingNames()).contains("standard-csv", BROKEN_MAPPING);
    }

    // ---- pull: states, runs, checkpoint reset ----

    @Test
    void aPullConnectorsRunsAreListedAndACheckpointResetReReadsTheSameRecordsAsDuplicates() {
        assertThat(putMapping("it-life-parcels", PARCEL_MAPPING).status()).isEqualTo(200);
        add(pull("it-life-pull", "/life/parcels"));
        await().atMost(Duration.ofSeconds(20)).until(() -> runs("it-life-pull").get("total").asLong() == 1);
        JsonNode first = runs("it-life-pull").at("/items/0");
        assertThat(first.get("outcome").asText()).isEqualTo("OK");
        assertThat(first.get("recordsIn").asLong()).isEqualTo(2);
        assertThat(first.get("accepted").asLong()).isEqualTo(2);
        assertThat(connector("it-life-pull").get("state").asText()).isEqualTo("IDLE");

        // a second run finds nothing after the checkpoint
        assertThat(post("/api/v1/connectors/it-life-pull/run").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs("it-life-pull").get("total").asLong() == 2);
        JsonNode second = runs("it-life-pull").at("/items/0");
        assertThat(second.get("outcome").asText()).isEqualTo("NOTHING_NEW");
        assertThat(second.get("recordsIn").asLong()).isZero();
        assertThat(runs("it-life-pull").at("/items/1/recordsIn").asLong()).isEqualTo(2);

        // reset: the next run reads from the start, and what it read before comes back as duplicates
        GatewayClient.Reply reset = post("/api/v1/connectors/it-life-pull/checkpoint/reset");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs("it-life-pull").get("total").asLong() == 3);
        JsonNode reread = runs("it-life-pull").at("/items/0");
        assertThat(reread.get("recordsIn").asLong()).isEqualTo(2);
        assertThat(reread.get("duplicates").asLong()).isEqualTo(2);
        assertThat(reread.get("accepted").asLong()).isZero();
        JsonNode view = connector("it-life-pull");
        assertThat(view.get("accepted").asLong()).isEqualTo(2);
        assertThat(view.get("duplicates").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(versions) FROM shipment WHERE natural_key LIKE 'YTO:YTLIFE%'", Integer.class))
                .isEqualTo(2);
        // paged, newest first
        JsonNode page = gateway.get("/api/v1/connectors/it-life-pull/runs?page=1&size=2", Tokens.ADMIN).json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.at("/items/0/accepted").asLong()).isEqualTo(2);
    }

    @Test
    void aCheckpointSetByTheOperatorIsCheckedByTheConnectorAndTheNextRunReadsFromIt() {
        assertThat(putMapping("it-life-parcels", PARCEL_MAPPING).status()).isEqualTo(200);
        add(pull("it-life-set", "/set/parcels"));
        await().atMost(Duration.ofSeconds(20)).until(() -> runs("it-life-set").get("total").asLong() == 1);
        JsonNode before = connector("it-life-set").get("checkpoint");

        GatewayClient.Reply notACount = putCheckpoint("it-life-set", "{\"value\": {\"page\": \"x\"}}");
        assertThat(notACount.status()).as(notACount.body()).isEqualTo(400);
        assertThat(notACount.json().get("error").asText()).contains("page is not a count: 'x'");
        GatewayClient.Reply otherPaging = putCheckpoint("it-life-set", "{\"value\": {\"cursor\": \"abc\"}}");
        assertThat(otherPaging.status()).isEqualTo(400);
        assertThat(otherPaging.json().get("error").asText()).contains("pagination is page_number");
        GatewayClient.Reply notAnObject = putCheckpoint("it-life-set", "{\"value\": \"page=1\"}");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().get("error").asText()).contains("not an object");
        GatewayClient.Reply number = putCheckpoint("it-life-set", "{\"value\": {\"page\": 1}}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().get("error").asText()).contains("must be text");
        assertThat(connector("it-life-set").get("checkpoint")).isEqualTo(before);
        assertThat(runs("it-life-set").get("total").asLong()).isEqualTo(1);

        GatewayClient.Reply set = putCheckpoint("it-life-set", "{\"value\": {\"page\": \"1\"}}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs("it-life-set").get("total").asLong() == 2);
        JsonNode reread = runs("it-life-set").at("/items/0");
        assertThat(reread.get("recordsIn").asLong()).isEqualTo(2);
        assertThat(reread.get("duplicates").asLong()).isEqualTo(2);
        assertThat(putCheckpoint("nobody-here", "{\"value\": {}}").status()).isEqualTo(404);
    }

    @Test
    void aCheckpointIsNotSetWhileARunIsInProgressNorOnAPushConnector() {
        assertThat(putMapping("it-life-parcels", PARCEL_MAPPING).status()).isEqualTo(200);
        add(pull("it-life-busy", "/busy/parcels"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> connector("it-life-busy").path("run").isObject());
        JsonNode run = connector("it-life-busy").get("run");
        assertThat(run.get("startedAt").asText()).isNotBlank();
        assertThat(run.get("pages").asLong()).isZero(); // its one page is still on its way
        GatewayClient.Reply busy = putCheckpoint("it-life-busy", "{\"value\": {\"page\": \"1\"}}");
        assertThat(busy.status()).as(busy.body()).isEqualTo(409);
        assertThat(busy.json().get("error").asText()).contains("running now");
        await().atMost(Duration.ofSeconds(15)).until(() -> connector("it-life-busy").get("state").asText().equals("IDLE"));
        assertThat(connector("it-life-busy").path("run").isObject()).isFalse();

        add("""
            {"id": "it-life-push-cp", "type": "http-push", "feederTokenEnv": "IT_LIFECYCLE_FEEDER"}""");
        GatewayClient.Reply push = putCheckpoint("it-life-push-cp", "{\"value\": {\"page\": \"1\"}}");
        assertThat(push.status()).isEqualTo(409);
        assertThat(push.json().get("error").asText()).contains("not a pull connector");
    }

    @Test
    void theStatesTellARunInProgressFromAWaitingAPausedAFailingAndADeletedConnector() {
        assertThat(putMapping("it-life-parcels", PARCEL_MAPPING).status()).isEqualTo(200);
        add(pull("it-life-slow", "/slow/parcels"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> connector("it-life-slow").get("state").asText().equals("RUNNING"));
        await().atMost(Duration.ofSeconds(15)).until(() -> connector("it-life-slow").get("state").asText().equals("IDLE"));
        assertThat(connector("it-life-slow").get("accepted").asLong()).isEqualTo(2);

        assertThat(post("/api/v1/connectors/it-life-slow/pause").json().get("state").asText()).isEqualTo("PAUSED");
        assertThat(post("/api/v1/connectors/it-life-slow/resume").json().get("state").asText()).isIn("IDLE", "RUNNING");

        add(pull("it-life-down", "/down/parcels"));
        await().atMost(Duration.ofSeconds(10)).until(() -> connector("it-life-down").get("state").asText().equals("FAILING"));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs("it-life-down").get("total").asLong() >= 1);
        JsonNode failed = runs("it-life-down").at("/items/0");
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("500");

        GatewayClient.Reply deleted = gateway.send("DELETE", "/api/v1/connectors/it-life-down", Tokens.ADMIN, null, null);
        assertThat(deleted.json().get("state").asText()).isEqualTo("STOPPED");
        int calls = PARTNER.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/down/parcels"))).size();
        // deleted: its route is gone, so its backoff never calls the partner again
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> PARTNER.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/down/parcels"))).size() == calls);
    }

    // ---- files ----

    @Test
    void aFileConnectorsFilesAreListedWithWhereTheyWentAndAFailedFilesReport() throws Exception {
        add("""
            id: it-life-files
            type: file
            mapping: standard-csv
            settings:
              quiet_period: 200ms
            """);
        Path inbox = home().resolve("inbox/it-life-files");
        Files.write(inbox.resolve("good.csv"), (HEADER + row("LIFEFILE000001", "440106")).getBytes(Charset.forName("GBK")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/good.csv")));
        Files.write(inbox.resolve("bad.csv"), (HEADER + row("LIFEFILE000002", "440106") + row("LIFEFILE000003", "广州市"))
                .getBytes(Charset.forName("GBK")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("failed/bad.csv")));
        await().atMost(Duration.ofSeconds(5)).until(() -> files("it-life-files").get("total").asLong() == 2);

        JsonNode files = files("it-life-files");
        JsonNode bad = files.at("/items/0");
        assertThat(bad.get("name").asText()).isEqualTo("bad.csv");
        assertThat(bad.get("outcome").asText()).isEqualTo("failed");
        assertThat(bad.get("rows").asLong()).isEqualTo(2);
        assertThat(bad.get("accepted").asLong()).isOne();
        assertThat(bad.get("rejected").asLong()).isOne();
        assertThat(bad.get("movedTo").asText()).isEqualTo("failed/bad.csv");
        assertThat(bad.get("report")).hasSize(1);
        assertThat(bad.at("/report/0/position").asText()).isNotBlank();
        assertThat(bad.at("/report/0/reason").asText()).contains("广州市");
        JsonNode good = files.at("/items/1");
        assertThat(good.get("name").asText()).isEqualTo("good.csv");
        assertThat(good.get("outcome").asText()).isEqualTo("done");
        assertThat(good.get("rows").asLong()).isOne();
        assertThat(good.hasNonNull("report")).isFalse();

        assertThat(runs("it-life-files").get("total").asLong()).isEqualTo(2);
        GatewayClient.Reply reset = post("/api/v1/connectors/it-life-files/checkpoint/reset");
        assertThat(reset.status()).isEqualTo(409);
        assertThat(gateway.get("/api/v1/connectors/it-life-files/files?page=x", Tokens.ADMIN).status()).isEqualTo(400);
    }

    // ---- helpers ----

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String row(String waybill, String destination) {
        return waybill + ",中通快递,2026-03-01 09:15:00,CJ-ZTO-01," + destination + ",1.25\n";
    }

    static String pull(String id, String path) {
        return """
            id: %s
            type: http-pull
            mapping: it-life-parcels
            schedule: 1h
            settings:
              base_url: %s
              path: %s
              pagination: page_number
              page_param: page
              page_size_param: size
              page_size: 100
              records_path: /data/parcels
              has_next_path: /data/hasMore
              error_code_path: /code
              success_codes: 0
            """.formatted(id, PARTNER.baseUrl(), path);
    }

    private void add(String definition) {
        GatewayClient.Reply reply = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml",
                definition.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        added.add(reply.json().get("id").asText());
    }

    private GatewayClient.Reply feed(String connector, String waybill) {
        return feed(connector, waybill, FEEDER);
    }

    private GatewayClient.Reply feed(String connector, String waybill, String token) {
        String body = """
            [{"kind": "shipment", "carrier": "ZTO", "waybillNo": "%s", "collectedAt": "2026-10-03T18:00:00+08:00",
              "originRegion": "522633100", "destRegion": "440106"}]""".formatted(waybill);
        return gateway.send("POST", "/api/v1/feeds/" + connector + "/records", token, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private GatewayClient.Reply post(String path) {
        return gateway.send("POST", path, Tokens.ADMIN, null, null);
    }

    private GatewayClient.Reply putCheckpoint(String id, String body) {
        return gateway.putJson("/api/v1/connectors/" + id + "/checkpoint", Tokens.ADMIN, body);
    }

    private GatewayClient.Reply putMapping(String name, String text) {
        return gateway.send("PUT", "/api/v1/mappings/" + name, Tokens.ADMIN, "text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8));
    }

    private GatewayClient.Reply deleteMapping(String name) {
        return gateway.send("DELETE", "/api/v1/mappings/" + name, Tokens.ADMIN, null, null);
    }

    private List<String> mappingNames() {
        List<String> names = new ArrayList<>();
        gateway.get("/api/v1/mappings", Tokens.ADMIN).json().forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    private JsonNode connector(String id) {
        return gateway.get("/api/v1/connectors/" + id, Tokens.ADMIN).json();
    }

    private JsonNode runs(String id) {
        return gateway.get("/api/v1/connectors/" + id + "/runs", Tokens.ADMIN).json();
    }

    private JsonNode files(String id) {
        return gateway.get("/api/v1/connectors/" + id + "/files", Tokens.ADMIN).json();
    }
}
