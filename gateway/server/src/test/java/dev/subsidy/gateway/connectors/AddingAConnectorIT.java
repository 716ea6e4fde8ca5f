package dev.subsidy.gateway.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.ReadmeSteps;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's "Adding a connector", performed exactly: its marked blocks are read from README.md
 * and used as they are, through the public API and the inbox folder, on SQLite. Two things stand in
 * for the outside world: WireMock for the aggregator's API (its URL replaces the README's host, which
 * is why the allow-list names localhost), and the environment variable the README exports.
 */
class AddingAConnectorIT extends SharedGateway {

    static final Map<String, String> STEPS = ReadmeSteps.of(ReadmeSteps.readme(), "Adding a connector");
    static final String README_HOST = "https://api.parcels.example.com";
    /** (b) step 1: {@code export PARCELS_API_TOKEN=…}; the aggregator expects it. */
    static final String TOKEN = ENVIRONMENT.get("PARCELS_API_TOKEN");
    // (b) step 1 also puts the aggregator's host on the allow-list: WireMock answers for it on localhost, which the
    // shared gateway allows
    static final WireMockServer AGGREGATOR = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void startAggregator() {
        AGGREGATOR.start();
    }

    @AfterAll
    static void stopAggregator() {
        AGGREGATOR.stop();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @Test
    void theConnectorTypesListSaysWhatADefinitionOfEachTakes() {
        GatewayClient.Reply types = gateway.get("/api/v1/connector-types", Tokens.ADMIN);

        assertThat(types.status()).as(types.body()).isEqualTo(200);
        Map<String, JsonNode> byType = new TreeMap<>();
        types.json().forEach(t -> byType.put(t.get("type").asText(), t));
        assertThat(byType).containsKeys("file", "http-pull", "http-push", "trace-push", "trace-query", "test-pull");
        assertThat(byType.get("http-pull").get("kind").asText()).isEqualTo("PULL");
        assertThat(byType.get("file").get("kind").asText()).isEqualTo("FILE");
        assertThat(byType.get("trace-push").get("origin").asText()).isEqualTo("built-in");
        JsonNode baseUrl = setting(byType.get("http-pull"), "base_url");
        assertThat(baseUrl.get("required").asBoolean()).isTrue();
        assertThat(baseUrl.get("description").asText()).isNotBlank();
        JsonNode secret = setting(byType.get("trace-push"), "verify_secret");
        assertThat(secret.get("secret").asBoolean()).isTrue();
        assertThat(secret.path("defaultValue").asText(null)).as("a secret setting's default is not shown").isNull();
        assertThat(gateway.get("/api/v1/connector-types", Tokens.READER).status()).isEqualTo(403);
    }

    private static JsonNode setting(JsonNode type, String name) {
        for (JsonNode s : type.get("settings")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(type.get("type").asText() + " has no setting " + name + ": " + type);
    }

    @Test
    void theReadmeMarksEveryStepThisTestPerforms() {
        assertThat(STEPS).containsOnlyKeys("csv-export", "csv-definition", "csv-report", "api-page", "api-mapping",
                "api-definition");
    }

    @Test
    void aNewCarriersCsvExport() throws IOException {
        // 1. pick a mapping
        assertThat(mappings()).contains("standard-csv built-in");

        // 2-3. the definition, checked, then added
        String definition = STEPS.get("csv-definition");
        GatewayClient.Reply checked = yaml("/api/v1/connectors/validate", definition);
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.json().get("valid").asBoolean()).as(checked.body()).isTrue();
        assertThat(yaml("/api/v1/connectors", definition).status()).isEqualTo(200);
        Path inbox = home().resolve("inbox/yunda-cj-branch");
        assertThat(inbox.resolve("done")).isDirectory();
        assertThat(inbox.resolve("failed")).isDirectory();

        // 4. the branch's export, in GBK as its system writes it, dropped into the inbox
        Files.write(inbox.resolve("韵达-0303.csv"), STEPS.get("csv-export").getBytes(Charset.forName("GBK")));

        Path report = inbox.resolve("failed/韵达-0303.csv.errors.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("failed/韵达-0303.csv")));
        assertThat(inbox.resolve("韵达-0303.csv")).doesNotExist();
        byte[] bytes = Files.readAllBytes(report);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo(STEPS.get("csv-report").replace("\n", "\r\n"));

        // 5. the result
        JsonNode view = connector("yunda-cj-branch");
        assertThat(view.get("kind").asText()).isEqualTo("FILE");
        assertThat(view.get("state").asText()).isEqualTo("IDLE");
        assertThat(view.get("recordsIn").asLong()).isEqualTo(3);
        assertThat(view.get("accepted").asLong()).isEqualTo(2);
        assertThat(view.get("rejected").asLong()).isEqualTo(1);
        GatewayClient.Reply record = gateway.get("/api/v1/records/shipment/YUNDA:4312345678901", Tokens.ADMIN);
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        assertThat(record.json().get("connector").asText()).isEqualTo("yunda-cj-branch");
        assertThat(record.json().at("/record/collectedAt").asText()).isEqualTo("2026-03-03T09:20:00Z");
        assertThat(gateway.get("/api/v1/records/shipment/YUNDA:4312345678902", Tokens.ADMIN).status()).isEqualTo(200);
    }

    @Test
    void aNewHttpJsonApi() {
        AGGREGATOR.stubFor(get(urlPathEqualTo("/v2/parcels"))
                .withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(STEPS.get("api-page"))));

        // 2. the mapping: one that does not compile is refused with its place, then the README's
        String mapping = STEPS.get("api-mapping");
        String typo = mapping.replace("\"waybillNo\": .trackingNo,", "\"waybillNo\": .trackingNo +,");
        assertThat(typo).isNotEqualTo(mapping);
        GatewayClient.Reply broken = put("/api/v1/mappings/parcels-aggregator", typo);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("line").asInt()).isEqualTo(7);
        assertThat(broken.json().get("error").asText()).startsWith("mapping 'parcels-aggregator' does not compile: line 7");
        GatewayClient.Reply added = put("/api/v1/mappings/parcels-aggregator", mapping);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(mappings()).contains("parcels-aggregator api");

        // 3. the definition, at the aggregator's address, checked, then added
        String definition = STEPS.get("api-definition").replace(README_HOST, AGGREGATOR.baseUrl());
        assertThat(definition).contains(AGGREGATOR.baseUrl());
        GatewayClient.Reply checked = yaml("/api/v1/connectors/validate", definition);
        assertThat(checked.json().get("valid").asBoolean()).as(checked.body()).isTrue();
        assertThat(yaml("/api/v1/connectors", definition).status()).isEqualTo(200);

        // 4. the result
        await().atMost(Duration.ofSeconds(20)).until(() ->
                gateway.get("/api/v1/records/shipment/YTO:YT8812345678902", Tokens.ADMIN).status() == 200);
        GatewayClient.Reply record = gateway.get("/api/v1/records/shipment/YTO:YT8812345678901", Tokens.ADMIN);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().get("connector").asText()).isEqualTo("parcels-aggregator");
        assertThat(record.json().at("/record/weightGrams").asInt()).isEqualTo(800);
        assertThat(record.json().at("/record/destRegion").asText()).isEqualTo("440106");
        JsonNode view = connector("parcels-aggregator");
        assertThat(view.get("kind").asText()).isEqualTo("PULL");
        assertThat(view.get("state").asText()).isEqualTo("IDLE");
        assertThat(view.get("recordsIn").asLong()).isEqualTo(2);
        assertThat(view.get("accepted").asLong()).isEqualTo(2);
        assertThat(view.at("/definition/settings/auth_token").asText()).isEqualTo("${env:PARCELS_API_TOKEN}");
        assertThat(AGGREGATOR.findAll(getRequestedFor(urlPathEqualTo("/v2/parcels")))).hasSize(1);
    }

    // ---- helpers ----

    private List<String> mappings() {
        List<String> rows = new ArrayList<>();
        gateway.get("/api/v1/mappings", Tokens.ADMIN).json()
                .forEach(m -> rows.add(m.get("name").asText() + " " + m.get("source").asText()));
        return rows;
    }

    private GatewayClient.Reply yaml(String path, String text) {
        return gateway.send("POST", path, Tokens.ADMIN, "application/yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private GatewayClient.Reply put(String path, String text) {
        return gateway.send("PUT", path, Tokens.ADMIN, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode connector(String id) {
        GatewayClient.Reply reply = gateway.get("/api/v1/connectors/" + id, Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
