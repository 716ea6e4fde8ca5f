package dev.subsidy.gateway.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mapping's shipped samples and a trial of it, through the API on the shared gateway: the samples are
 * the repository's files; each tried as its case says gives exactly the standard records its case
 * expects (or the mapping's rejection); a record the intake would refuse comes back with the intake's
 * reason; nothing tried is stored; unknown mappings, broken bodies and mappings that do not compile are
 * refused with their reasons.
 */
class MappingSamplesIT extends SharedGateway {

    private static final Path SAMPLES = Path.of("..", "..", "mappings", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private GatewayClient.Reply tryRecords(String mapping, String query, String body) {
        return gateway.postJson("/api/v1/mappings/" + mapping + "/try" + query, Tokens.ADMIN, body);
    }

    private static JsonNode file(Path path) throws IOException {
        return JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Numbers compared as values, whichever Java type each side read them into. */
    private static JsonNode canonical(JsonNode node) throws IOException {
        return JSON.readTree(node.toString());
    }

    @Test
    void theSamplesOfABuiltInMappingAreTheRepositorysFilesWithTheirParameters() throws IOException {
        GatewayClient.Reply reply = gateway.get("/api/v1/mappings/taobao-trades/samples", Tokens.ADMIN);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Path dir = SAMPLES.resolve("taobao-trades");
        List<String> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".input.json"))
                    .map(f -> f.substring(0, f.length() - ".input.json".length())).sorted().toList();
        }
        assertThat(StreamSupport.stream(reply.json().spliterator(), false).map(s -> s.get("case").asText()))
                .containsExactlyElementsOf(cases);
        for (JsonNode sample : reply.json()) {
            String name = sample.get("case").asText();
            assertThat(canonical(sample.get("input"))).as(name).isEqualTo(file(dir.resolve(name + ".input.json")));
            assertThat(sample.get("inputText").asText()).as(name)
                    .isEqualTo(Files.readString(dir.resolve(name + ".input.json"), StandardCharsets.UTF_8));
            assertThat(canonical(sample.get("expected"))).as(name).isEqualTo(file(dir.resolve(name + ".expected.json")));
            Path params = dir.resolve(name + ".params.json");
            assertThat(sample.get("params")).as(name)
                    .isEqualTo(Files.exists(params) ? file(params) : JSON.createObjectNode());
        }
        assertThat(reply.json().findValues("case").stream().map(JsonNode::asText)).contains("tmall-shop-b2c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"taobao-trades", "zto-trace-push", "jd-trace-push"})
    void eachShippedSampleTriedAsItsCaseSaysGivesItsExpectedRecordsAndTheIntakeTakesThem(String mapping) throws IOException {
        JsonNode samples = gateway.get("/api/v1/mappings/" + mapping + "/samples", Tokens.ADMIN).json();
        assertThat(samples).isNotEmpty();
        for (JsonNode sample : samples) {
            String name = sample.get("case").asText();
            List<String> params = new ArrayList<>();
            sample.get("params").fields().forEachRemaining(p -> params.add(p.getKey() + "="
                    + URLEncoder.encode(p.getValue().asText(), StandardCharsets.UTF_8)));
            GatewayClient.Reply reply = tryRecords(mapping, params.isEmpty() ? "" : "?" + String.join("&", params),
                    sample.get("inputText").asText());

            assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(200);
            JsonNode records = reply.json().get("records");
            JsonNode expected = sample.get("expected");
            if (expected.has("rejected")) {
                assertThat(records).as(name).hasSize(1);
                assertThat(records.get(0).get("standard").isNull()).as(name).isTrue();
                assertThat(records.get(0).get("accepted").asBoolean()).as(name).isFalse();
                assertThat(records.get(0).get("reason").asText()).as(name)
                        .isEqualTo("item 1: " + expected.get("rejected").asText() + " (mapping " + mapping + ")");
            } else if (expected.isEmpty()) {
                assertThat(records).as(name).hasSize(1);
                assertThat(records.get(0).get("standard").isNull()).as(name).isTrue();
                assertThat(records.get(0).get("reason").asText()).as(name).contains("gives no standard record");
            } else {
                ArrayNode standards = JSON.createArrayNode();
                records.forEach(r -> standards.add(r.get("standard")));
                assertThat(canonical(standards)).as(name).isEqualTo(canonical(expected));
                assertThat(records.findValues("index").stream().map(JsonNode::asInt)).as(name).containsOnly(0);
                assertThat(records.findValues("accepted").stream().map(JsonNode::asBoolean)).as(name + ": " + reply.body())
                        .containsOnly(true);
            }
        }
    }

    @Test
    void aRecordTheIntakeWouldRefuseComesBackWithTheIntakesReasonAndAnItemThatIsNoObjectWithItsOwn() {
        GatewayClient.Reply reply = tryRecords("standard", "",
                "[{\"kind\": \"shipment\", \"carrier\": \"ZTO\", \"waybillNo\": \"TRY-0001\", \"collectedAt\": \"soon\","
                        + " \"originSite\": \"CJ-1\", \"destRegion\": \"522633\"}, 42]");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode records = reply.json().get("records");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("index").asInt()).isZero();
        assertThat(records.get(0).get("accepted").asBoolean()).isFalse();
        assertThat(records.get(0).get("standard").get("waybillNo").asText()).isEqualTo("TRY-0001");
        assertThat(records.get(0).get("reason").asText()).startsWith("item 1: ").contains("collectedAt");
        assertThat(records.get(1).get("index").asInt()).isEqualTo(1);
        assertThat(records.get(1).get("accepted").asBoolean()).isFalse();
        assertThat(records.get(1).get("reason").asText()).isEqualTo("item 2: record is not a JSON object");
    }

    @Test
    void aRecordTriedAndAcceptedIsNotStored() {
        String waybill = "751234567899931";
        GatewayClient.Reply reply = tryRecords("standard", "", "{\"kind\": \"shipment\", \"carrier\": \"ZTO\", \"waybillNo\": \""
                + waybill + "\", \"collectedAt\": \"2026-03-04T14:00:00+08:00\", \"originSite\": \"CJ-ZTO-01\", \"destRegion\": \"522633\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("records").get(0).get("accepted").asBoolean()).as(reply.body()).isTrue();
        assertThat(reply.json().get("records").get(0).has("reason")).isFalse();
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:" + waybill, Tokens.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void anUnknownMappingIsNotFoundForBothCallsAndTheIdentityHasNoSamples() {
        for (GatewayClient.Reply reply : List.of(gateway.get("/api/v1/mappings/no-such-mapping/samples", Tokens.ADMIN),
                tryRecords("no-such-mapping", "", "{}"))) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.json().get("status").asInt()).isEqualTo(404);
            assertThat(reply.json().get("error").asText()).isEqualTo("no mapping 'no-such-mapping'");
        }
        GatewayClient.Reply identity = gateway.get("/api/v1/mappings/standard/samples", Tokens.ADMIN);
        assertThat(identity.status()).isEqualTo(200);
        assertThat(identity.json()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonOrNoRecordIsRefusedWithWhereAndWhy() {
        GatewayClient.Reply broken = tryRecords("taobao-trades", "", "{\n  \"tid\": 1,\n  \"status\" \"x\"\n}");
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
        assertThat(broken.json().get("status").asInt()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).startsWith("body is not valid JSON at line 3, column ");

        GatewayClient.Reply scalar = tryRecords("taobao-trades", "", "\"a record\"");
        assertThat(scalar.status()).isEqualTo(400);
        assertThat(scalar.json().get("error").asText()).contains("neither a record (a JSON object) nor a JSON array");

        GatewayClient.Reply empty = tryRecords("taobao-trades", "", "  ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asText()).startsWith("body is empty");

        String many = Stream.generate(() -> "{}").limit(TrialBody.MAX_RECORDS + 1).collect(Collectors.joining(",", "[", "]"));
        GatewayClient.Reply tooMany = tryRecords("taobao-trades", "", many);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("error").asText()).contains("at most " + TrialBody.MAX_RECORDS + " records");
    }

    @Test
    void aMappingThatDoesNotCompileIsAConflictWithItsLineAndColumn() {
        GatewayClient.Reply reply = tryRecords(BROKEN_MAPPING, "", "{\"no\": \"1\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.json().get("status").asInt()).isEqualTo(409);
        assertThat(reply.json().get("line").asInt()).isPositive();
        assertThat(reply.json().get("column").asInt()).isPositive();
        assertThat(reply.json().get("error").asText()).startsWith("mapping '" + BROKEN_MAPPING + "' does not compile: line "
                + reply.json().get("line").asInt() + ", column " + reply.json().get("column").asInt() + ": ");
    }

    @Test
    void onlyTheAdministratorMayReadSamplesOrTry() {
        assertThat(gateway.get("/api/v1/mappings/taobao-trades/samples", Tokens.READER).status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/mappings/taobao-trades/try", Tokens.READER, "{}").status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/mappings/taobao-trades/samples", null).status()).isEqualTo(401);
    }
}
