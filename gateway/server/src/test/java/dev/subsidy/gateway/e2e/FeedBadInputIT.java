package dev.subsidy.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input is normal input: every malformed body or record gets a specific reason and nothing is half-stored. */
class FeedBadInputIT extends SharedGateway {


    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private GatewayClient.Reply feed(String contentType, String body, Charset charset) {
        return gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, contentType, body, charset);
    }

    private static final String GOOD_SHIPMENT = """
        {"kind": "shipment", "carrier": "ZTO", "waybillNo": "%s", "collectedAt": "2026-10-03T18:00:00+08:00",
         "originRegion": "522633100", "destRegion": "440106"}""";

    @Test
    void anUnparseableBodyIs400WithTheReasonAndStoresNothing() {
        int before = count("shipment");
        GatewayClient.Reply reply = feed("application/json", "[" + GOOD_SHIPMENT.formatted("BAD00000000001") + ", {\"kind\": ", StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("not valid JSON").contains("line");
        assertThat(count("shipment")).isEqualTo(before);
    }

    @Test
    void oneBadRecordInABatchIsRejectedAloneWithItsIndexAndReason() {
        String body = "[" + GOOD_SHIPMENT.formatted("BAD00000000002") + ","
                + """
                  {"kind": "shipment", "carrier": "XYZ", "waybillNo": "BAD00000000003", "collectedAt": "2026-10-03T18:00:00+08:00",
                   "originRegion": "522633100", "destRegion": "440106"},
                  {"kind": "shipment", "carrier": "ZTO", "collectedAt": "2026-10-03T18:00:00", "originRegion": "522633100"},
                  {"kind": "order", "platform": "TAOBAO", "orderId": "BAD-1", "shopId": "s", "channel": "B2C",
                   "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "12.345"},
                  "not an object"
                ]""";
        GatewayClient.Reply reply = feed("application/json", body, StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = reply.json().get("rejected");
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("reason").asText()).contains("carrier: unknown value 'XYZ'");
        assertThat(rejected.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(rejected.get(1).get("reason").asText())
                .contains("waybillNo: missing")
                .contains("collectedAt: '2026-10-03T18:00:00' is not an ISO-8601 date-time with an offset")
                .contains("destRegion or destCountry: one of them is required");
        assertThat(rejected.get(2).get("reason").asText()).contains("amount: '12.345' has more than two decimals");
        assertThat(rejected.get(3).get("reason").asText()).contains("not a JSON object");
        // rejected records are kept with their reason, never dropped
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE reason LIKE '%XYZ%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRecordNamingAFieldTwiceIsRejectedAloneAndTheRestOfTheArrayIsRead() {
        String body = "[" + GOOD_SHIPMENT.formatted("DUP00000000001") + ","
                + "{\"kind\": \"shipment\", \"carrier\": \"ZTO\", \"carrier\": \"SF\", \"waybillNo\": \"DUP00000000002\","
                + " \"nested\": {\"a\": [1, {\"b\": 2}]}},"
                + GOOD_SHIPMENT.formatted("DUP00000000003") + "]";
        GatewayClient.Reply reply = feed("application/json", body, StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(reply.json().at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/rejected/0/reason").asText()).contains("Duplicate field 'carrier'");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE waybill_no LIKE 'DUP%'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aCsvHeaderNamingAColumnTwiceIs400() {
        GatewayClient.Reply reply = feed("text/csv", "kind,carrier,waybillNo,carrier\nshipment,ZTO,1,SF\n", StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("names the column 'carrier' twice");
    }

    @Test
    void gbkCsvWithoutACharsetIsDetectedAndRead() {
        String csv = """
            kind,platform,orderId,shopId,channel,status,paidAt,amount,categories
            order,PDD,GBK-1,香猪店,B2C,PAID,2026-10-03T10:00:00+08:00,88.00,AGRICULTURAL;LOCAL_PRODUCT
            order,PDD,GBK-2,香猪店,B2C,PAID,2026-10-03T10:00:00+08:00,8.888,
            """;
        GatewayClient.Reply reply = feed("text/csv", csv, Charset.forName("GBK"));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT shop_id FROM sales_order WHERE natural_key = 'PDD:GBK-1'", String.class))
                .isEqualTo("香猪店");
        assertThat(jdbc.queryForObject("SELECT categories FROM sales_order WHERE natural_key = 'PDD:GBK-1'", String.class))
                .isEqualTo("AGRICULTURAL,LOCAL_PRODUCT");
    }

    @Test
    void aBodyMixingUtf8AndGbkLinesIs400NamingTheLinesAndStoresNothing() {
        int before = count("sales_order");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes("kind,platform,orderId,shopId,channel,status,paidAt,amount\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("order,PDD,MIX-1,香猪店,B2C,PAID,2026-10-03T10:00:00+08:00,88.00\n".getBytes(Charset.forName("GBK")));
        body.writeBytes("order,PDD,MIX-2,香猪店,B2C,PAID,2026-10-03T10:00:00+08:00,88.00\n".getBytes(StandardCharsets.UTF_8));
        GatewayClient.Reply reply = gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER, "text/csv",
                body.toByteArray());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText())
                .isEqualTo("body cannot be read as text: the text mixes encodings: line 3 is UTF-8 and line 2 is GBK; "
                        + "send it all in one encoding");
        assertThat(count("sales_order")).isEqualTo(before);
    }

    @Test
    void aUtf8BodyDeclaredAsGbkOrAsIso88591Is400WithTheReason() {
        byte[] utf8 = "kind,platform,orderId,shopId\norder,PDD,DECL-1,香猪店\n".getBytes(StandardCharsets.UTF_8);
        GatewayClient.Reply gbk = gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER,
                "text/csv; charset=GBK", utf8);
        assertThat(gbk.status()).isEqualTo(400);
        assertThat(gbk.json().get("error").asText()).contains("line 2 is UTF-8 text, though the Content-Type says GBK");
        GatewayClient.Reply latin1 = gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER,
                "text/csv; charset=ISO-8859-1", utf8);
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().get("error").asText()).contains("charset ISO-8859-1 is not accepted");
        GatewayClient.Reply neither = gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER,
                "application/x-ndjson", new byte[] {'{', '}', '\n', '{', (byte) 0xFF, '}', '\n'});
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("error").asText()).contains("line 2 is neither UTF-8 nor GBK/GB18030 text");
    }

    @Test
    void ndjsonRejectsABrokenLineOnly() {
        String body = GOOD_SHIPMENT.formatted("ND000000000001").replace("\n", " ") + "\n{broken\n\n"
                + GOOD_SHIPMENT.formatted("ND000000000002").replace("\n", " ") + "\n";
        GatewayClient.Reply reply = feed("application/x-ndjson", body, StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(reply.json().at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/rejected/0/reason").asText()).contains("line 2 is not valid JSON");
    }

    @Test
    void anOversizeBodyIs413() {
        String shipment = GOOD_SHIPMENT.formatted("BIG00000000001") + ",";
        String big = "[" + shipment.repeat(MAX_BODY_BYTES / shipment.length() + 1) + GOOD_SHIPMENT.formatted("X") + "]";
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MAX_BODY_BYTES);
        GatewayClient.Reply reply = feed("application/json", big, StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).contains("gateway.feeds.max-body-bytes");
    }

    @Test
    void aBodyThatIsNotAFeedFormatIs415AndAnUnknownConnector404() {
        assertThat(feed("application/xml", "<a/>", StandardCharsets.UTF_8).status()).isEqualTo(415);
        assertThat(gateway.post("/api/v1/feeds/nobody/records", Tokens.ADMIN, "application/json", "[]",
                StandardCharsets.UTF_8).status()).isEqualTo(404);
    }

    @Test
    void registryRejectsBadEntriesAndWarnsOnAFailedCheckCharacter() {
        GatewayClient.Reply reply = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, """
            [{"type": "MERCHANT", "id": "91350203M0001QAY9B", "name": "校验位不对的真实企业", "region": "350203"},
             {"type": "SHOP", "id": "x", "name": "y", "region": "12"}]""");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/rejected/0/reason").asText()).contains("type: unknown value 'SHOP'")
                .contains("region: '12' is not a division code");
        assertThat(reply.json().at("/warnings/0/warning").asText()).contains("fails the credit code check");
    }

    @Test
    void registryTakesGbkCsv() {
        String csv = """
            type,id,name,region,categories,shops,sites,carriers
            EXPRESS_COMPANY,91522633MA6D0KD035,从江韵达快递,522633102,,,YUNDA:CJ-YD-1:522633102,YUNDA
            MERCHANT,91522633MA6D0M003R,从江椪柑合作社,522633103,AGRICULTURAL,TAOBAO:pg-1;DOUYIN:pg-2,,
            """;
        GatewayClient.Reply reply = gateway.send("PUT", "/api/v1/registry/subjects", Tokens.ADMIN, "text/csv",
                csv.getBytes(Charset.forName("GBK")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(2);
        JsonNode merchant = gateway.get("/api/v1/registry/subjects/91522633MA6D0M003R", Tokens.ADMIN).json();
        assertThat(merchant.get("name").asText()).isEqualTo("从江椪柑合作社");
        assertThat(merchant.get("shops")).hasSize(2);
        JsonNode company = gateway.get("/api/v1/registry/subjects/91522633MA6D0KD035", Tokens.ADMIN).json();
        assertThat(company.at("/sites/0/siteCode").asText()).isEqualTo("CJ-YD-1");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
