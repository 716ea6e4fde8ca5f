package dev.subsidy.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The project's own hostile-input suite (README "Security"): what a stranger or a careless feeder
 * sends, through the real HTTP API on loopback, one class of problem per nested class. Every
 * answer is checked for its status and for the {@code {"status", "error"}} shape, and every refused
 * call for leaving nothing behind.
 */
class HostileInputIT extends SharedGateway {

    private static final String FEED = "/api/v1/feeds/standard/records";


    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
        assertThat(gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, CongjiangFixture.registryJson()).status())
                .isEqualTo(200);
    }

    private static String shipment(String waybill) {
        return """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "%s", "collectedAt": "2026-10-03T18:00:00+08:00",
             "originRegion": "522633100", "destRegion": "440106"}""".formatted(waybill);
    }

    private static String order(String orderId, String amount) {
        return """
            {"kind": "order", "platform": "TAOBAO", "orderId": "%s", "shopId": "tea-001", "channel": "B2C",
             "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": %s}""".formatted(orderId, amount);
    }

    /** Every refusal answers in the one error shape, whatever produced it. */
    private static void assertErrorShape(GatewayClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json()).as("JSON body of a %d: %s", status, reply.body()).isNotNull();
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("error").asText()).isNotBlank();
        // Spring's default error body has status and error too; ours has neither timestamp, path nor trace
        assertThat(reply.json().has("timestamp") || reply.json().has("path") || reply.json().has("trace"))
                .as("the gateway's own shape, not Spring's default: %s", reply.body()).isFalse();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private GatewayClient.Reply feedJson(String body) {
        return gateway.postJson(FEED, Tokens.FEEDER, body);
    }

    /** A feed body of one good record, the hostile one, and another good one: only the hostile one is refused. */
    private JsonNode rejectedAlone(String hostile) {
        String a = "H" + System.nanoTime();
        String b = "H" + (System.nanoTime() + 1);
        GatewayClient.Reply reply = feedJson("[" + shipment(a) + "," + hostile + "," + shipment(b) + "]");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).as(reply.body()).isEqualTo(2);
        assertThat(reply.json().get("rejected")).as(reply.body()).hasSize(1);
        JsonNode rejection = reply.json().get("rejected").get(0);
        assertThat(rejection.get("index").asInt()).isEqualTo(1);
        assertThat(rejection.get("reason").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:" + b, Tokens.ADMIN).status()).isEqualTo(200);
        return rejection;
    }

    @Nested
    class PathsWrittenDifferently {

        static Stream<Arguments> variants() {
            List<String[]> calls = List.of(
                    new String[] {"GET", "/api/v1/connectors"},
                    new String[] {"GET", "/api/v1/deliveries/state"},
                    new String[] {"POST", "/api/v1/periods/2026-10/close"},
                    new String[] {"PUT", "/api/v1/registry/subjects"},
                    new String[] {"POST", "/api/v1/feeds/standard/records"});
            List<Arguments> out = new ArrayList<>();
            for (String[] call : calls) {
                String path = call[1];
                String rest = path.substring("/api/".length());
                for (String variant : List.of(
                        "/%61pi/" + rest,
                        "/api;/" + rest,
                        "/api;jsessionid=x/" + rest,
                        "/api/v1;x=1/" + rest.substring(3),
                        "/api//" + rest,
                        "/api/./" + rest,
                        "/api/x/%2e%2e/" + rest,
                        "/api%2F" + rest,
                        "/api%5C" + rest,
                        "/api/%76" + rest.substring(1))) {
                    out.add(Arguments.of(call[0], variant));
                }
            }
            return out.stream();
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("variants")
        void aNonCanonicalPathIsRefusedWithOrWithoutAToken(String method, String path) {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            for (String token : new String[] {null, "not-a-token", Tokens.READER, Tokens.FEEDER, Tokens.ADMIN}) {
                GatewayClient.Reply reply = gateway.send(method, path, token, "application/json", "GET".equals(method) ? null : body);
                assertThat(reply.status()).as("%s %s with %s: %s", method, path, token, reply.body()).isIn(400, 401, 403, 404);
                assertErrorShape(reply, reply.status());
            }
        }

        @Test
        void aRefusedCloseClosesNothing() {
            gateway.send("POST", "/%61pi/v1/periods/2026-09/close", null, null, null);
            gateway.send("POST", "/api;/v1/periods/2026-09/close", null, null, null);
            JsonNode figures = gateway.get("/api/v1/figures?period=2026-09", Tokens.ADMIN).json();
            assertThat(figures).as("figures of a period nobody closed").isEmpty();
        }

        @Test
        void onlyAFeedersTokenMayTravelInTheUrl() {
            GatewayClient.Reply admin = gateway.send("POST", FEED + "?access_token=" + Tokens.ADMIN, null, "application/json",
                    "[]".getBytes(StandardCharsets.UTF_8));
            assertThat(admin.status()).isIn(401, 403);
            GatewayClient.Reply adminRead = gateway.send("GET", "/api/v1/connectors?access_token=" + Tokens.ADMIN, null, null, null);
            assertErrorShape(adminRead, 401);
        }
    }

    @Nested
    class Mappings {

        private GatewayClient.Reply put(String name, byte[] text) {
            return gateway.send("PUT", "/api/v1/mappings/" + name, Tokens.ADMIN, "text/plain; charset=UTF-8", text);
        }

        private boolean listed(String name) {
            for (JsonNode m : gateway.get("/api/v1/mappings", Tokens.ADMIN).json()) {
                if (m.path("name").asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        @Test
        void anImportOfALocalFileIsRefusedAndNothingIsKept() throws IOException {
            Path elsewhere = Files.createTempFile("elsewhere", ".jslt");
            Files.writeString(elsewhere, "def f() 1");
            for (String target : List.of("file:///etc/passwd", elsewhere.toUri().toString(), elsewhere.toString(),
                    "../../etc/passwd", "classpath:application.yml", "application.yml")) {
                GatewayClient.Reply reply = put("sneaky", ("import \"" + target + "\" as x\n{\"a\": 1}").getBytes(StandardCharsets.UTF_8));
                assertErrorShape(reply, 400);
                assertThat(reply.body()).doesNotContain("root:");
            }
            assertThat(listed("sneaky")).isFalse();
        }

        @Test
        void anImportOverTheNetworkMakesNoRequest() throws IOException {
            AtomicInteger hits = new AtomicInteger();
            HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            canary.createContext("/", exchange -> {
                hits.incrementAndGet();
                byte[] text = "def f() 1".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, text.length);
                exchange.getResponseBody().write(text);
                exchange.close();
            });
            canary.start();
            try {
                String url = "http://127.0.0.1:" + canary.getAddress().getPort() + "/m.jslt";
                GatewayClient.Reply reply = put("phone-home", ("import \"" + url + "\" as m\n{\"a\": m:f()}").getBytes(StandardCharsets.UTF_8));
                assertErrorShape(reply, 400);
                assertThat(hits).hasValue(0);
                assertThat(listed("phone-home")).isFalse();
            } finally {
                canary.stop(0);
            }
        }

        @Test
        void deepNestingIsA400NotAStackOverflow() {
            String nested = "[".repeat(100_000) + "]".repeat(100_000);
            assertErrorShape(put("deep", nested.getBytes(StandardCharsets.UTF_8)), 400);
            assertErrorShape(put("deep", ("{\"a\": " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "}")
                    .getBytes(StandardCharsets.UTF_8)), 400);
            assertThat(listed("deep")).isFalse();
        }

        @Test
        void textThatIsNotUtf8IsRefused() {
            byte[] gbk = "// 运单\n{\"a\": 1}".getBytes(Charset.forName("GBK"));
            assertErrorShape(put("not-utf8", gbk), 400);
            assertThat(listed("not-utf8")).isFalse();
        }

        @Test
        void aMappingThatNeverEndsIsRefusedOrStoppedPerRecord() {
            byte[] text = "def loop(x) loop(x)\n{\"kind\": loop(.)}".getBytes(StandardCharsets.UTF_8);
            GatewayClient.Reply reply = put("forever", text);
            // Either refused at upload (recursion found by analysis), or kept and stopped by the per-record budget;
            // never a 500 and never a hang of this request.
            assertThat(reply.status()).as(reply.body()).isIn(200, 201, 400);
            if (reply.status() == 400) {
                assertErrorShape(reply, 400);
            }
        }
    }

    @Nested
    class StrictRecords {

        @ParameterizedTest
        @ValueSource(strings = {"\"1e400\"", "\"99999999999999999999.99\"", "\"12.345\"", "\"1.5e2\"", "\"１２.５０\"",
            "\"-5.00\"", "\"NaN\"", "\"\""})
        void aBadAmountIsRejectedAloneWithItsReason(String amount) {
            rejectedAlone(order("AMT-" + System.nanoTime(), amount));
        }

        @ParameterizedTest
        @ValueSource(strings = {"9999-01-01T00:00:00+08:00", "0001-01-01T00:00:00+08:00", "-0001-01-01T00:00:00Z",
            "1999-12-31T00:00:00+08:00", "+12026-10-03T18:00:00+08:00"})
        void anImplausibleTimeIsRejected(String time) {
            rejectedAlone("""
                {"kind": "shipment", "carrier": "ZTO", "waybillNo": "T%d", "collectedAt": "%s",
                 "originRegion": "522633100", "destRegion": "440106"}""".formatted(System.nanoTime(), time));
        }

        @Test
        void anUpdatedAtFarInTheFutureCannotPinARecord() {
            rejectedAlone("""
                {"kind": "shipment", "carrier": "ZTO", "waybillNo": "PIN%d", "collectedAt": "2026-10-03T18:00:00+08:00",
                 "originRegion": "522633100", "destRegion": "440106", "updatedAt": "9999-12-31T00:00:00Z"}"""
                    .formatted(System.nanoTime()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u0000", "\\u202e", "\\u200b", "\\u2066", "\\ufeff", "\\u0007", "\\n"})
        void aWaybillWithInvisibleCharactersIsRejected(String invisible) {
            JsonNode rejection = rejectedAlone(shipment("73" + invisible + System.nanoTime()));
            assertThat(rejection.get("reason").asText()).contains("waybillNo");
        }

        @Test
        void aShopIdWithAZeroWidthSpaceIsRejected() {
            rejectedAlone("""
                {"kind": "order", "platform": "TAOBAO", "orderId": "Z%d", "shopId": "tea\\u200b-001", "channel": "B2C",
                 "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "10.00"}""".formatted(System.nanoTime()));
        }

        @Test
        void fullWidthDigitsAreTheSameParcel() {
            String ascii = "7312" + (System.nanoTime() % 100_000_000L);
            StringBuilder wide = new StringBuilder();
            ascii.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
            assertThat(feedJson("[" + shipment(ascii) + "]").json().get("accepted").asInt()).isEqualTo(1);
            GatewayClient.Reply again = feedJson("[" + shipment(wide.toString()) + "]");
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().get("accepted").asInt()).as(again.body()).isZero();
            assertThat(again.json().get("duplicates").asInt()).as(again.body()).isEqualTo(1);
        }

        @Test
        void anIdentifierOfTenThousandCharactersIsRejected() {
            rejectedAlone(shipment("9".repeat(10_000)));
        }

        @Test
        void typesAreExact() {
            rejectedAlone("""
                {"kind": "order", "platform": "TAOBAO", "orderId": "Y%d", "shopId": "tea-001", "channel": "B2C",
                 "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "10.00", "crossBorder": "yes"}"""
                    .formatted(System.nanoTime()));
            rejectedAlone("""
                {"kind": "order", "platform": "TAOBAO", "orderId": "L%d", "shopId": "tea-001", "channel": "B2C",
                 "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "10.00", "waybills": "ZTO:7312"}"""
                    .formatted(System.nanoTime()));
        }
    }

    @Nested
    class Encodings {

        private GatewayClient.Reply ndjson(byte[] body, String contentType) {
            return gateway.send("POST", FEED, Tokens.FEEDER, contentType, body);
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        @Test
        void aBodyMixingUtf8AndGbkIsRefusedNamingTheLine() {
            String first = shipment("MIX" + System.nanoTime()).replace("\n", " ").replace("440106\"}", "440106\", \"originSite\": \"中通\"}");
            String second = shipment("MIX" + (System.nanoTime() + 1)).replace("\n", " ").replace("440106\"}", "440106\", \"originSite\": \"中通\"}");
            byte[] body = concat(first.getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
                    second.getBytes(Charset.forName("GBK")), "\n".getBytes(StandardCharsets.UTF_8));
            GatewayClient.Reply reply = ndjson(body, "application/x-ndjson");
            assertErrorShape(reply, 400);
            assertThat(reply.json().get("error").asText()).contains("line 2");
        }

        @Test
        void bytesValidInNoEncodingAreRefused() {
            byte[] body = concat(shipment("BIN" + System.nanoTime()).replace("\n", " ").getBytes(StandardCharsets.UTF_8),
                    new byte[] {'\n', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0x81, '\n'});
            assertErrorShape(ndjson(body, "application/x-ndjson"), 400);
        }

        @Test
        void aUtf8BodyDeclaredAsSomethingElseIsRefused() {
            byte[] body = ("[" + shipment("DECL" + System.nanoTime()).replace("440106\"}", "440106\", \"originSite\": \"丙妹\"}") + "]")
                    .getBytes(StandardCharsets.UTF_8);
            GatewayClient.Reply latin = ndjson(body, "application/json; charset=ISO-8859-1");
            assertThat(latin.status()).isIn(400, 415);
            assertErrorShape(latin, latin.status());
            GatewayClient.Reply gbk = ndjson(body, "application/json; charset=GBK");
            assertErrorShape(gbk, 400);
        }

        @Test
        void anUnsupportedContentEncodingIs415() {
            GatewayClient.Reply reply = sendEncoded("br", "[]".getBytes(StandardCharsets.UTF_8));
            assertErrorShape(reply, 415);
            assertThat(reply.json().get("error").asText()).contains("br");
        }

        @Test
        void gzipIsEitherReadOrRefusedAsUnsupported() throws IOException {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(("[" + shipment("GZ" + System.nanoTime()) + "]").getBytes(StandardCharsets.UTF_8));
            }
            GatewayClient.Reply reply = sendEncoded("gzip", zipped.toByteArray());
            assertThat(reply.status()).as(reply.body()).isIn(202, 415);
            if (reply.status() == 202) {
                assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
                // a bomb: a small gzip that inflates past the body limit
                ByteArrayOutputStream bomb = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
                    gz.write(new byte[4 * 1024 * 1024]);
                }
                assertErrorShape(sendEncoded("gzip", bomb.toByteArray()), 413);
                assertErrorShape(sendEncoded("gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}), 400);
            }
        }

        private GatewayClient.Reply sendEncoded(String coding, byte[] body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FEED))
                    .header("Authorization", "Bearer " + Tokens.FEEDER)
                    .header("Content-Type", "application/json")
                    .header("Content-Encoding", coding)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body().isBlank() ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
                return new GatewayClient.Reply(response.statusCode(), response.body(), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class Registry {

        private static final String SUBJECT = """
            {"type": "MERCHANT", "id": "%s", "name": "%s", "region": "522633100", "registeredOn": "%s"}""";

        @Test
        void theSameIdTwiceInOneBodyIs400NamingBothRowsAndStoresNothing() {
            String id = "92522633MA6D0M004N";
            GatewayClient.Reply reply = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                    "[" + SUBJECT.formatted(id, "甲", "2020-01-01") + "," + SUBJECT.formatted(CongjiangFixture.MERCHANT_RICE, "乙", "2020-01-01")
                            + "," + SUBJECT.formatted(id, "丙", "2020-01-01") + "]");
            assertErrorShape(reply, 400);
            assertThat(reply.json().get("error").asText()).contains(id).containsPattern("0\\D+2|1\\D+3");
            assertThat(gateway.get("/api/v1/registry/subjects/" + id, Tokens.ADMIN).status()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {"92522633MA6D0M00IN", "92522633MA6D0M00ON", "X", "9252263\\u200b3MA6D0M004N"})
        void anImpossibleIdIsNeverSilentlyAccepted(String id) {
            GatewayClient.Reply reply = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                    "[" + SUBJECT.formatted(id, "某店", "2020-01-01") + "]");
            assertThat(reply.status()).as(reply.body()).isIn(200, 400);
            if (reply.status() == 200) {
                String said = reply.body();
                assertThat(said).as("a refused or flagged row").containsAnyOf("rejected\":[{", "warnings\":[{");
            }
        }

        @Test
        void implausibleDatesAndHugeNamesAreRejectedPerRow() {
            GatewayClient.Reply reply = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, "["
                    + SUBJECT.formatted("92522633MA6D0M005P", "某店", "9999-01-01") + ","
                    + SUBJECT.formatted("92522633MA6D0M006R", "店".repeat(10_000), "2020-01-01") + "]");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("rejected")).hasSize(2);
        }
    }

    @Nested
    class Definitions {

        private JsonNode validate(String yaml) {
            GatewayClient.Reply reply = gateway.send("POST", "/api/v1/connectors/validate", Tokens.ADMIN, "application/yaml",
                    yaml.getBytes(StandardCharsets.UTF_8));
            assertThat(reply.status()).as(reply.body()).isIn(200, 400);
            return reply.json();
        }

        private static final String PULL = """
            id: hostile-pull
            type: http-pull
            schedule: %s
            settings:
              base_url: %s
              path: /v1/parcels
              records_path: /data
            %s""";

        @Test
        void aLiteralSecretInAHeaderIsRefused() {
            JsonNode verdict = validate(PULL.formatted("10m", "https://api.parcels.example.com",
                    "  headers:\n    Authorization: Bearer sk-live-1234567890\n"));
            assertThat(verdict.get("valid").asBoolean()).isFalse();
            assertThat(verdict.get("problems").toString()).contains("header");
            assertThat(verdict.toString()).doesNotContain("sk-live-1234567890");
        }

        @Test
        void userInfoInAUrlIsRefused() {
            JsonNode verdict = validate(PULL.formatted("10m", "https://user:hunter2@api.parcels.example.com", ""));
            assertThat(verdict.get("valid").asBoolean()).isFalse();
            assertThat(verdict.toString()).doesNotContain("hunter2");
        }

        @Test
        void anEndlessDurationIsRefused() {
            JsonNode verdict = validate(PULL.formatted("99999999999d", "https://api.parcels.example.com", ""));
            assertThat(verdict.get("valid").asBoolean()).isFalse();
            assertThat(verdict.get("problems").toString()).contains("schedule");
        }
    }

    @Nested
    class ErrorShapes {

        @Test
        void unknownPathsAndMethodsAnswerInTheOneShape() {
            assertErrorShape(gateway.get("/api/v1/no-such-thing", Tokens.ADMIN), 404);
            assertErrorShape(gateway.get("/api/v1/records/shipment/ZTO:NOPE", Tokens.ADMIN), 404);
            assertErrorShape(gateway.send("DELETE", "/api/v1/figures", Tokens.ADMIN, null, null), 405);
            assertErrorShape(gateway.send("POST", FEED, Tokens.FEEDER, "text/html", "<p>".getBytes(StandardCharsets.UTF_8)), 415);
            assertErrorShape(gateway.send("POST", FEED, Tokens.FEEDER, "application/json", new byte[70_000]), 413);
            assertErrorShape(gateway.get("/api/v1/figures?period=not-a-period", Tokens.ADMIN), 400);
        }
    }
}
