package dev.subsidy.gateway.connectors.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks on mappings through the API, on SQLite: every mapping that reaches outside, overflows
 * the parser, recurses, or is not UTF-8 text is refused by {@code PUT /api/v1/mappings/{name}} with
 * 400, its line and column, and nothing kept; a record whose mapping runs over its time budget or
 * gives too much is rejected with that reason while the other records of the post are stored and the
 * connector goes on.
 */
class MappingSandboxIT extends SharedGateway {

    static final String FEEDER_TOKEN = ENVIRONMENT.get("IT_SANDBOX_FEEDER");
    static final WireMockServer OUTSIDE = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void startOutside() {
        OUTSIDE.start();
        OUTSIDE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("def f(x) $x\n{}")));
    }

    @AfterAll
    static void stopOutside() {
        OUTSIDE.stop();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private GatewayClient.Reply put(String name, byte[] body, String contentType) {
        return gateway.send("PUT", "/api/v1/mappings/" + name, Tokens.ADMIN, contentType, body);
    }

    private GatewayClient.Reply put(String name, String text) {
        return put(name, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
    }

    /** A 400 with the line and column, the usual error shape, and nothing kept. */
    private JsonNode refused(String name, GatewayClient.Reply reply, int line, int column) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("line").asInt()).as(reply.body()).isEqualTo(line);
        assertThat(reply.json().get("column").asInt()).as(reply.body()).isEqualTo(column);
        assertThat(reply.json().get("error").asText())
                .startsWith("mapping '" + name + "' does not compile: line " + line + ", column " + column + ": ");
        assertThat(home().resolve("mappings/" + name + ".jslt")).doesNotExist();
        assertThat(gateway.get("/api/v1/mappings", Tokens.ADMIN).body()).doesNotContain("\"" + name + "\"");
        return reply.json();
    }

    // ---- reaching outside ----

    @Test
    void importsOfAFileAUrlOrAClassPathResourceAreRefusedAndNothingIsReadOrRequested() throws IOException {
        Path elsewhere = Files.writeString(home().resolve("elsewhere.jslt"), "def f(x) $x\n{}");
        List<String> sources = List.of("file:///etc/passwd", elsewhere.toUri().toString(), elsewhere.toString(),
                OUTSIDE.baseUrl() + "/helpers.jslt", "mappings/standard-csv.jslt", "dev/subsidy/gateway/GatewayApplication.class");
        for (String source : sources) {
            JsonNode reply = refused("it-import", put("it-import", "// helpers\nimport \"" + source + "\" as h\n{}"), 2, 1);

            assertThat(reply.get("message").asText()).isEqualTo("import \"" + source + "\": a mapping may import only another "
                    + "mapping of the gateway, by its name (lower case letters, digits and dashes): no file, class-path resource or URL");
        }
        assertThat(OUTSIDE.getAllServeEvents()).as("requests to the outside").isEmpty();
    }

    @Test
    void aMappingImportsAnotherOfTheGatewayByName() {
        assertThat(put("it-carriers", "def code(name) \"ZTO\"\n{}").status()).isEqualTo(200);
        GatewayClient.Reply reply = put("it-importer", "import \"it-carriers\" as c\n{\"kind\": \"shipment\", \"carrier\": c:code(.x)}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(home().resolve("mappings/it-importer.jslt")).exists();
    }

    // ---- texts the parser cannot take ----

    @Test
    void aHundredThousandNestedBracketsAreA400NotA500() {
        // over the text's size first (200,000 bytes)…
        JsonNode huge = refused("it-brackets", put("it-brackets", "[".repeat(100_000) + "]".repeat(100_000)), 1, 65_537);
        assertThat(huge.get("message").asText()).contains("max-text-bytes");
        // …and within it, deeper than max-depth at the bracket that goes too deep
        JsonNode deep = refused("it-brackets", put("it-brackets", "{\"a\":\n" + "[".repeat(30_000) + "]".repeat(30_000) + "}"), 2, 200);
        assertThat(deep.get("message").asText()).isEqualTo("brackets nested more than 200 deep (max-depth)");
    }

    @Test
    void bracketsInStringsAndCommentsDoNotCount() {
        GatewayClient.Reply reply = put("it-quoted", "// " + "[".repeat(20_000) + "\n{\"a\": \"" + "{(".repeat(10_000) + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void longChainsAndRecursionAreRefusedWithTheirPlace() {
        // placed down the deepest branch at the first expression past the limit: the object and its pair are two levels
        refused("it-chain", put("it-chain", "{\"a\": .a" + " or .a".repeat(10_000) + "}"), 1, 7 + 6 * 198);
        JsonNode endless = refused("it-recursion", put("it-recursion", "def f(x)\n  f($x)\n{\"a\": f(.)}"), 2, 3);
        assertThat(endless.get("message").asText()).startsWith("function 'f' calls itself (f → f)");
        JsonNode exponential = refused("it-recursion",
                put("it-recursion", "def f(n)\n  if ($n > 0) f($n - 1) + f($n - 1) else 0\n{\"a\": f(.n)}"), 2, 15);
        assertThat(exponential.get("message").asText()).startsWith("function 'f' calls itself");
    }

    @Test
    void aTextThatIsNotUtf8IsRefusedAtItsFirstBadByte() {
        byte[] gbk = "{\n  \"承运商\": .a\n}".getBytes(Charset.forName("GBK"));

        JsonNode reply = refused("it-gbk", put("it-gbk", gbk, "text/plain"), 2, 4);

        assertThat(reply.get("message").asText()).isEqualTo("the text is not UTF-8: the byte at offset 5 (0xB3) is not part of "
                + "any UTF-8 character; save the mapping as UTF-8");
        GatewayClient.Reply declared = put("it-gbk", gbk, "text/plain; charset=GBK");
        assertThat(declared.status()).isEqualTo(400);
        assertThat(declared.json().get("error").asText()).startsWith("a mapping's text is UTF-8; this one is declared as GBK");
    }

    @Test
    void aTextOverItsSizeIsRefusedWhereItCrossesTheLimit() {
        String text = ("// " + "x".repeat(96) + "\n").repeat(700) + "{}"; // 70,002 bytes

        JsonNode reply = refused("it-long", put("it-long", text), 656, 37);

        assertThat(reply.get("message").asText()).isEqualTo("the mapping is longer than the 65536 bytes a mapping may have "
                + "(gateway.mappings.max-text-bytes)");
    }

    // ---- records ----

    @Test
    void aRecordWhoseMappingRunsOverItsTimeBudgetIsRejectedWithThatReasonAndTheConnectorGoesOn() {
        assertThat(put("it-loops", """
                let xs = .xs
                let n = size([for ($xs) [for ($xs) [for ($xs) 1]]])
                {"kind": "shipment", "carrier": "ZTO", "waybillNo": .no, "collectedAt": "2026-10-03T18:00:00+08:00",
                 "originRegion": "522633100", "destRegion": if ($n >= 0) "440106"}
                """).status()).isEqualTo(200);
        assertThat(gateway.postJson("/api/v1/connectors", Tokens.ADMIN, """
                {"id": "it-sandboxed", "type": "http-push", "mapping": "it-loops", "feederTokenEnv": "IT_SANDBOX_FEEDER"}
                """).status()).isEqualTo(200);
        String many = "[" + "1,".repeat(1_999) + "1]";

        GatewayClient.Reply receipt = gateway.postJson("/api/v1/feeds/it-sandboxed/records", FEEDER_TOKEN,
                "[{\"no\": \"SBOX0000000001\", \"xs\": [1]}, {\"no\": \"SBOX0000000002\", \"xs\": " + many + "},"
                        + " {\"no\": \"SBOX0000000003\", \"xs\": [1, 2]}]");

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        assertThat(receipt.json().get("accepted").asInt()).as(receipt.body()).isEqualTo(2);
        assertThat(receipt.json().at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(receipt.json().at("/rejected/0/reason").asText()).isEqualTo("item 2: mapping 'it-loops' ran over its time budget of 200 ms");
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:SBOX0000000003", Tokens.ADMIN).status()).isEqualTo(200);

        // the connector goes on with the next post
        GatewayClient.Reply next = gateway.postJson("/api/v1/feeds/it-sandboxed/records", FEEDER_TOKEN,
                "[{\"no\": \"SBOX0000000004\", \"xs\": [1, 2, 3]}]");
        assertThat(next.json().get("accepted").asInt()).isOne();
        assertThat(gateway.get("/api/v1/connectors/it-sandboxed", Tokens.ADMIN).json().get("state").asText()).isEqualTo("IDLE");
    }

    @Test
    void aRecordWhoseMappingGivesTooMuchIsRejectedWithThatReason() {
        assertThat(put("it-fanout", """
                [for (.items) {"kind": "shipment", "carrier": "ZTO", "waybillNo": "SBOXFAN" + string(.),
                 "collectedAt": "2026-10-03T18:00:00+08:00", "originRegion": "522633100", "destRegion": "440106"}]
                """).status()).isEqualTo(200);
        assertThat(gateway.postJson("/api/v1/connectors", Tokens.ADMIN, """
                {"id": "it-fanout", "type": "http-push", "mapping": "it-fanout", "feederTokenEnv": "IT_SANDBOX_FEEDER"}
                """).status()).isEqualTo(200);
        String hundred = "[" + "1000000,".repeat(99) + "1000000]";

        GatewayClient.Reply receipt = gateway.postJson("/api/v1/feeds/it-fanout/records", FEEDER_TOKEN,
                "[{\"items\": " + hundred + "}, {\"items\": [1000001]}]");

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        assertThat(receipt.json().get("accepted").asInt()).isOne();
        assertThat(receipt.json().at("/rejected/0/reason").asText())
                .isEqualTo("item 1: mapping 'it-fanout' gave more than its limit of 4096 bytes of output (max-output-bytes)");
    }
}
