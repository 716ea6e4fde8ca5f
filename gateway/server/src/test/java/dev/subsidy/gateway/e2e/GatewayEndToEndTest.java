package dev.subsidy.gateway.e2e;

import static dev.subsidy.gateway.support.CongjiangFixture.CENTRE;
import static dev.subsidy.gateway.support.CongjiangFixture.MERCHANT_TEA;
import static dev.subsidy.gateway.support.CongjiangFixture.SF_COMPANY;
import static dev.subsidy.gateway.support.CongjiangFixture.TOWN_BINGMEI;
import static dev.subsidy.gateway.support.CongjiangFixture.ZTO_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole pipeline over real HTTP on loopback with a real database: registry, standard feed,
 * period close, figures, and the signed push to a simulated award intake. Subclasses choose the
 * database; every test here runs on SQLite and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.award.secret=" + Tokens.AWARD_SECRET,
    "gateway.award.batch-size=3",
    "gateway.award.poll-interval=200ms",
    "gateway.award.initial-backoff=200ms",
    "gateway.policies=classpath:policies/congjiang.yml"
})
// Not SharedGateway: the whole flow from feeds to award lines delivered to its intake simulator, with figures and
// closes over the database of its own; each subclass runs it on another database. Each gateway is stopped after its
// class: four of them left running until the JVM's end kept pushing to one another's intake while their databases
// went away, and held the fork past its exit.
@DirtiesContext
abstract class GatewayEndToEndTest {

    static final AwardIntakeSimulator INTAKE = AwardIntakeSimulator.start(Tokens.AWARD_SECRET);

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
        GatewayClient.Reply registry = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                CongjiangFixture.registryJson());
        assertThat(registry.status()).isEqualTo(200);
        assertThat(registry.json().get("upserted").asInt()).isEqualTo(7);
    }

    @AfterAll
    static void stopIntake() {
        INTAKE.wireMock().resetRequests();
    }

    private GatewayClient.Reply feed(String json) {
        return gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER, json);
    }

    @Test
    void parcelsAndSalesBecomeFiguresThatArePushedSigned() throws Exception {
        // October 2026: an outbound tea parcel with its order, a duplicate of it from a second feed,
        // an inbound parcel, a parcel without an order, and one collected 00:30 on 1 November (UTC+8)
        String batch = """
            [
              {"kind": "order", "platform": "TAOBAO", "orderId": "E2E-1001", "shopId": "tea-001", "channel": "B2C",
               "status": "COMPLETED", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "128.50",
               "waybills": ["ZTO:E2E73100000001"]},
              {"kind": "order", "platform": "TAOBAO", "orderId": "E2E-1002", "shopId": "tea-001", "channel": "B2C",
               "status": "COMPLETED", "paidAt": "2026-10-04T10:00:00+08:00", "amount": "99.00",
               "refundedAmount": "99.00", "waybills": ["ZTO:E2E73100000002"]},
              {"kind": "shipment", "carrier": "ZTO", "waybillNo": "E2E73100000001", "collectedAt": "2026-10-03T18:00:00+08:00",
               "originSite": "CJ-ZTO-01", "destRegion": "440106"},
              {"kind": "shipment", "carrier": "ZTO", "waybillNo": "E2E73100000002", "collectedAt": "2026-10-04T18:00:00+08:00",
               "originSite": "CJ-ZTO-01", "destRegion": "330106"},
              {"kind": "shipment", "carrier": "ZTO", "waybillNo": "E2E73100000003", "collectedAt": "2026-10-05T09:00:00+08:00",
               "originRegion": "522633100", "destRegion": "440106"},
              {"kind": "shipment", "carrier": "SF", "waybillNo": "E2ESF1000000001", "collectedAt": "2026-10-06T09:00:00+08:00",
               "originRegion": "440106", "destRegion": "522633101", "deliveredAt": "2026-10-08T15:00:00+08:00",
               "deliverySite": "CJ-SF-01"},
              {"kind": "shipment", "carrier": "ZTO", "waybillNo": "E2E73100000004", "collectedAt": "2026-11-01T00:30:00+08:00",
               "originSite": "CJ-ZTO-01", "destRegion": "440106"}
            ]""";
        GatewayClient.Reply first = feed(batch);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(7);
        assertThat(first.json().get("duplicates").asInt()).isZero();
        assertThat(first.json().get("rejected")).isEmpty();

        GatewayClient.Reply again = feed(batch);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(7);

        GatewayClient.Reply close = gateway.postJson("/api/v1/periods/2026-10/close", Tokens.ADMIN, "");
        assertThat(close.status()).isEqualTo(200);
        assertThat(close.json().at("/shipments/VERIFIED").asInt()).isEqualTo(4);
        assertThat(close.json().at("/orders/VERIFIED").asInt()).isEqualTo(2);

        Map<String, JsonNode> october = figures("2026-10");
        // three outbound ZTO parcels in October; the one at 00:30 on 1 November is November's
        assertThat(value(october, ZTO_COMPANY, "PARCELS_OUTBOUND")).isEqualTo("3");
        // only the parcel whose order still counts is e-commerce (the other order was refunded in full)
        assertThat(value(october, ZTO_COMPANY, "PARCELS_OUTBOUND_ECOMMERCE")).isEqualTo("1");
        assertThat(value(october, ZTO_COMPANY, "PARCELS_OUTBOUND_LOCAL_PRODUCTS")).isEqualTo("1");
        assertThat(value(october, SF_COMPANY, "PARCELS_INBOUND")).isEqualTo("1");
        assertThat(value(october, MERCHANT_TEA, "PARCELS_SHIPPED")).isEqualTo("1");
        assertThat(value(october, MERCHANT_TEA, "SALES_NET")).isEqualTo("128.50");
        assertThat(value(october, MERCHANT_TEA, "SALES_NET_B2C")).isEqualTo("128.50");
        assertThat(value(october, MERCHANT_TEA, "SALES_NET_AGRICULTURAL")).isEqualTo("128.50");
        assertThat(value(october, MERCHANT_TEA, "ORDERS")).isEqualTo("1");
        assertThat(value(october, TOWN_BINGMEI, "SALES_NET")).isEqualTo("128.50");
        assertThat(value(october, CENTRE, "PARCELS_DELIVERED")).isEqualTo("1");

        JsonNode outbound = october.get(ZTO_COMPANY + "/PARCELS_OUTBOUND");
        assertThat(outbound.get("revision").asInt()).isEqualTo(1);
        assertThat(outbound.at("/evidence/counted").asInt()).isEqualTo(3);
        assertThat(outbound.at("/evidence/duplicate").asInt()).isEqualTo(3);
        assertThat(outbound.at("/evidence/digest").asText()).isEqualTo(digest(
                "ZTO:E2E73100000003", "ZTO:E2E73100000001", "ZTO:E2E73100000002"));

        // a refund arriving after publication revises the period's sales (no updatedAt: arrival time,
        // later than the first version's)
        GatewayClient.Reply refund = feed("""
            [{"kind": "order", "platform": "TAOBAO", "orderId": "E2E-1001", "shopId": "tea-001", "channel": "B2C",
              "status": "REFUNDED", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "128.50", "refundedAmount": "28.50",
              "waybills": ["ZTO:E2E73100000001"]}]""");
        assertThat(refund.json().get("accepted").asInt()).isEqualTo(1);
        gateway.postJson("/api/v1/periods/2026-10/close", Tokens.ADMIN, "");
        Map<String, JsonNode> revised = figures("2026-10");
        assertThat(value(revised, MERCHANT_TEA, "SALES_NET")).isEqualTo("100.00");
        assertThat(revised.get(MERCHANT_TEA + "/SALES_NET").get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get(ZTO_COMPANY + "/PARCELS_OUTBOUND").get("revision").asInt()).isEqualTo(1);

        // November holds the 00:30 parcel
        gateway.postJson("/api/v1/periods/2026-11/close", Tokens.ADMIN, "");
        assertThat(value(figures("2026-11"), ZTO_COMPANY, "PARCELS_OUTBOUND")).isEqualTo("1");

        // every figure revision reaches the intake, signed, once per batch
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> pushed = INTAKE.acceptedBatches().stream().filter(b -> b.has("figures"))
                    .flatMap(b -> iterate(b.get("figures")).stream()).toList();
            assertThat(pushed).anySatisfy(f -> {
                assertThat(f.get("figureId").asText()).isEqualTo(MERCHANT_TEA + "/SALES_NET/2026-10");
                assertThat(f.get("revision").asInt()).isEqualTo(2);
                assertThat(f.get("value").asText()).isEqualTo("100.00");
            });
            assertThat(pushed).anySatisfy(f -> {
                assertThat(f.get("figureId").asText()).isEqualTo(ZTO_COMPANY + "/PARCELS_OUTBOUND/2026-11");
                assertThat(f.at("/subject/name").asText()).isEqualTo("从江中通快递有限公司");
                assertThat(f.get("unit").asText()).isEqualTo("PARCEL");
            });
        });
        assertThat(INTAKE.refusals()).isEmpty();
        // the intake has the batches; the gateway records the replies a moment later
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            GatewayClient.Reply deliveries = gateway.get("/api/v1/deliveries?status=DELIVERED", Tokens.ADMIN);
            assertThat(deliveries.status()).isEqualTo(200);
            assertThat(deliveries.json().size()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aYearOfParcelsEarnsTheCongjiangParcelAwardAndItIsPushed() {
        // 2025: 5,100 outbound local-product parcels of the tea merchant's orders (a year of its own,
        // so the other tests' records do not touch it)
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_100; i++) {
            String waybill = String.format("7525%010d", i);
            body.append("""
                {"kind":"order","platform":"TAOBAO","orderId":"Y25-%d","shopId":"tea-001","channel":"B2C","status":"COMPLETED",\
                "paidAt":"2025-06-0%dT10:00:00+08:00","amount":"50.00","waybills":["ZTO:%s"]}
                {"kind":"shipment","carrier":"ZTO","waybillNo":"%s","collectedAt":"2025-06-0%dT18:00:00+08:00",\
                "originSite":"CJ-ZTO-01","destRegion":"440106"}
                """.formatted(i, 1 + i % 9, waybill, waybill, 1 + i % 9));
        }
        GatewayClient.Reply posted = gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                body.toString(), StandardCharsets.UTF_8);
        assertThat(posted.json().get("accepted").asInt()).isEqualTo(10_200);

        GatewayClient.Reply close = gateway.postJson("/api/v1/periods/2025/close", Tokens.ADMIN, "");
        assertThat(close.status()).isEqualTo(200);
        assertThat(close.json().get("awardLines").asInt()).isEqualTo(2);

        JsonNode awards = gateway.get("/api/v1/awards?period=2025", Tokens.READER).json();
        JsonNode parcel = find(awards, "cj-express-parcel");
        assertThat(parcel.at("/subject/id").asText()).isEqualTo(ZTO_COMPANY);
        assertThat(parcel.get("clause").asText()).isEqualTo("三(二)2");
        assertThat(parcel.get("amount").asText()).isEqualTo("5100.00");
        assertThat(parcel.get("explanation").asText()).contains("5100 × 1.00");
        assertThat(parcel.at("/basis/0/figureId").asText()).isEqualTo(ZTO_COMPANY + "/PARCELS_OUTBOUND_LOCAL_PRODUCTS/2025");
        assertThat(parcel.at("/basis/0/value").asText()).isEqualTo("5100");
        JsonNode shop = find(awards, "cj-shop");
        assertThat(shop.at("/subject/id").asText()).isEqualTo(MERCHANT_TEA);
        assertThat(shop.get("amount").asText()).isEqualTo("20000.00");

        // closing again with nothing new publishes no revision
        GatewayClient.Reply again = gateway.postJson("/api/v1/periods/2025/close", Tokens.ADMIN, "");
        assertThat(again.json().get("figuresRevised").asInt()).isZero();
        assertThat(again.json().get("awardLinesRevised").asInt()).isZero();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(INTAKE.acceptedBatches().stream().filter(b -> b.has("awards"))
                        .flatMap(b -> iterate(b.get("awards")).stream()))
                        .anySatisfy(a -> {
                            assertThat(a.get("policy").asText()).isEqualTo("cj-express-parcel");
                            assertThat(a.get("amount").asText()).isEqualTo("5100.00");
                            assertThat(a.get("revision").asInt()).isEqualTo(1);
                        }));
        assertThat(INTAKE.refusals()).isEmpty();
    }

    private static JsonNode find(JsonNode awards, String policy) {
        for (JsonNode a : awards) {
            if (a.get("policy").asText().equals(policy)) {
                return a;
            }
        }
        throw new AssertionError("no award line of " + policy + " in " + awards);
    }

    @Test
    void recordsShowTheirStatusReasonsAndVersions() {
        feed("""
            [{"kind": "shipment", "carrier": "YTO", "waybillNo": "YT9000000000001", "collectedAt": "2026-09-02T10:00:00+08:00",
              "originRegion": "522633100", "destRegion": "440106"}]""");
        gateway.postJson("/api/v1/periods/2026-09/close", Tokens.ADMIN, "");
        GatewayClient.Reply record = gateway.get("/api/v1/records/shipment/YTO:YT9000000000001", Tokens.ADMIN);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().get("status").asText()).isEqualTo("SUSPECT");
        assertThat(record.json().get("reasons").get(0).asText())
                .contains("unattributable").contains("no registered local company operates YTO");
        assertThat(record.json().get("connectors").get(0).asText()).isEqualTo("standard");
        assertThat(gateway.get("/api/v1/records/shipment/YTO:NOPE", Tokens.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void awkwardTextIsStoredAndReadBackAsSent() throws Exception {
        // quotes, commas, backslashes, a literal \N, spaces and Chinese: COPY on PostgreSQL must keep them (tabs
        // and line breaks never reach a column: identifiers holding control characters are refused at intake)
        String site = "站点\"老\",一号\\后门\\N";
        String shop = "从江香禾糯, \"茶\" \\N\\";
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var records = mapper.createArrayNode();
        records.addObject().put("kind", "shipment").put("carrier", "YTO").put("waybillNo", "YT9000000000077")
                .put("collectedAt", "2026-09-02T10:00:00+08:00").put("originSite", site).put("destRegion", "440106")
                .put("deliverySite", "");
        records.addObject().put("kind", "order").put("platform", "TAOBAO").put("orderId", "E2E-AWK-1")
                .put("shopId", shop).put("channel", "B2C").put("status", "COMPLETED")
                .put("paidAt", "2026-09-03T10:00:00+08:00").put("amount", "12.30").put("buyerHash", site);
        GatewayClient.Reply fed = feed(mapper.writeValueAsString(records));
        assertThat(fed.status()).isEqualTo(202);
        assertThat(fed.json().get("accepted").asInt()).isEqualTo(2);

        GatewayClient.Reply parcel = gateway.get("/api/v1/records/shipment/YTO:YT9000000000077", Tokens.ADMIN);
        assertThat(parcel.status()).isEqualTo(200);
        assertThat(parcel.json().findValuesAsText("originSite")).containsOnly(site);
        GatewayClient.Reply order = gateway.get("/api/v1/records/order/TAOBAO:E2E-AWK-1", Tokens.ADMIN);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().findValuesAsText("shopId")).containsOnly(shop.strip());

        // the current-version rows, read back with JDBC: the text as sent, an empty or absent field is NULL
        Map<String, Object> shipment = jdbc.queryForMap(
                "SELECT origin_site, delivery_site, shipper_id FROM shipment WHERE natural_key = ?",
                "YTO:YT9000000000077");
        assertThat(shipment.get("origin_site")).isEqualTo(site);
        assertThat(shipment.get("delivery_site")).isNull();
        assertThat(shipment.get("shipper_id")).isNull();
        Map<String, Object> sale = jdbc.queryForMap(
                "SELECT shop_id, buyer_hash, merchant_id FROM sales_order WHERE natural_key = ?", "TAOBAO:E2E-AWK-1");
        assertThat(sale.get("shop_id")).isEqualTo(shop.strip());
        assertThat(sale.get("buyer_hash")).isEqualTo(site);
        assertThat(sale.get("merchant_id")).isNull();
        // the columns hold the whole record, so its row keeps no canonical body: the version the API showed
        // above, with the text as sent, was rebuilt from them (docs/records.md "Provenance")
        assertThat(jdbc.queryForObject("SELECT body FROM shipment WHERE natural_key = ?", String.class,
                "YTO:YT9000000000077")).isEmpty();
    }

    @Test
    void aBodyOfHostileRecordsStoresTheGoodOnesAndRejectsEachBadOneWithItsIndexAndReason() {
        // August 2026, a month no other test closes; NDJSON so that one line can carry a raw NUL byte
        String parcel = """
            {"kind":"shipment","carrier":"ZTO","waybillNo":"%s","collectedAt":%s,"originSite":"CJ-ZTO-01",\
            "destRegion":"440106"%s}""";
        String order = """
            {"kind":"order","platform":"TAOBAO","orderId":"%s","shopId":"%s","channel":"B2C","status":"PAID",\
            "paidAt":"2026-08-03T10:00:00+08:00","amount":%s%s}""";
        String at = "\"2026-08-03T18:00:00+08:00\"";
        List<String> lines = List.of(
                parcel.formatted("7326080300000001", at, ""),                                        // 0 stored
                parcel.formatted("７３２６０８０３０００００００１", at, ""),                          // 1 the same parcel
                order.formatted("H-1", "tb-58820471", "1e400", ""),                                 // 2
                order.formatted("H-2", "tb-58820471", "\"99999999999999999999.99\"", ""),            // 3
                order.formatted("H-3", "tb-58820471", "\"59.90\"",
                        ",\"crossBorder\":true,\"waybills\":[\"zto:７３２６０８０３０００００００１\"]"),        // 4 stored
                parcel.formatted("7326080300000002", "\"9999-12-31T00:00:00+08:00\"", ""),           // 5
                parcel.formatted("7326080300000003", at, ",\"updatedAt\":\"9999-12-31T23:59:59Z\""),  // 6
                parcel.formatted("7326080300000004", "\"-0001-01-01T00:00:00Z\"", ""),               // 7
                parcel.formatted("73260803\\u000000005", at, ""),                                   // 8
                order.formatted("H-4", "tb-\\u202e58820471", "\"1.00\"", ""),                        // 9
                order.formatted("H-5", "tb-58820471", "\"1.00\"", ",\"crossBorder\":\"yes\""),          // 10
                order.formatted("H-6", "tb-58820471", "\"1.00\"", ",\"waybills\":\"ZTO:1\""),           // 11
                order.formatted("H-7", "tb-58820471", "\"１２３.００\"", ""),                          // 12
                parcel.formatted("7".repeat(10_000), at, ""),                                      // 13
                "{\"kind\":\"shipment\",\"waybillNo\":\"7326\u0000\"}");                            // 14 not JSON
        GatewayClient.Reply reply = gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(reply.json().get("duplicates").asInt()).isEqualTo(1);
        Map<Integer, String> reasons = new HashMap<>();
        reply.json().get("rejected").forEach(r -> reasons.put(r.get("index").asInt(), r.get("reason").asText()));
        assertThat(reasons).containsOnlyKeys(2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(reasons.get(2)).contains("amount: 1E+400 is a number with an exponent");
        assertThat(reasons.get(3)).contains("is more than the most one order may be");
        assertThat(reasons.get(5)).contains("collectedAt: '9999-12-31T00:00:00+08:00' is in the future");
        assertThat(reasons.get(6)).contains("updatedAt: '9999-12-31T23:59:59Z' is in the future");
        assertThat(reasons.get(7)).contains("is before 2000-01-01T00:00+08:00");
        assertThat(reasons.get(8)).contains("waybillNo: holds an invisible or control character (U+0000 NULL");
        assertThat(reasons.get(9)).contains("shopId: holds an invisible or control character (U+202E RIGHT-TO-LEFT OVERRIDE");
        assertThat(reasons.get(10)).contains("crossBorder: must be true or false, got the text 'yes'");
        assertThat(reasons.get(11)).contains("waybills: must be a list");
        assertThat(reasons.get(12)).contains("amount: '１２３.００' is not a decimal amount");
        assertThat(reasons.get(13)).contains("waybillNo: longer than 120 characters");
        assertThat(reasons.get(14)).contains("line 15 is not valid JSON");

        // one parcel, one key: the full-width resend is a duplicate, and the order's link names the same key
        assertThat(jdbc.queryForObject("SELECT duplicates FROM shipment WHERE natural_key = 'ZTO:7326080300000001'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT waybills FROM sales_order WHERE natural_key = 'TAOBAO:H-3'", String.class))
                .isEqualTo("ZTO:7326080300000001");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE natural_key LIKE 'TAOBAO:H-%'", Integer.class))
                .isEqualTo(1);
        // every rejection is kept with its text; the NUL of the broken line is kept visible, as PostgreSQL needs
        String batch = jdbc.queryForObject("SELECT batch_id FROM rejected_record WHERE reason LIKE '%U+202E%'", String.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE batch_id = ?", Integer.class, batch))
                .isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT raw FROM rejected_record WHERE batch_id = ? AND record_index = 14",
                String.class, batch)).isEqualTo("{\"kind\":\"shipment\",\"waybillNo\":\"7326\\u0000\"}");
    }

    @Test
    void tokensAreCheckedForEveryRole() {
        assertThat(gateway.get("/api/v1/figures", null).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/figures", "wrong").status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/figures", Tokens.READER).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/awards", Tokens.READER).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/deliveries", Tokens.READER).status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/periods/2026-01/close", Tokens.FEEDER, "").status()).isEqualTo(403);
        assertThat(gateway.putJson("/api/v1/registry/subjects", Tokens.READER, "[]").status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/feeds/standard/records", Tokens.READER, "[]").status()).isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/feeds/standard/records", null, "[]").status()).isEqualTo(401);
        // carriers call back a registered URL and cannot add headers: a feeder token may ride in it,
        // for feed posts only, and no other token may
        assertThat(gateway.postJson("/api/v1/feeds/standard/records?access_token=" + Tokens.FEEDER, null, "[]")
                .status()).isEqualTo(202);
        assertThat(gateway.postJson("/api/v1/feeds/standard/records?access_token=wrong", null, "[]").status())
                .isEqualTo(403);
        assertThat(gateway.postJson("/api/v1/feeds/standard/records?access_token=" + Tokens.ADMIN, null, "[]")
                .status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/figures?access_token=" + Tokens.READER, null).status()).isEqualTo(401);
        // the administrator sees which component is not UP
        assertThat(gateway.get("/actuator/health", null).status()).as(gateway.get("/actuator/health", Tokens.ADMIN).body())
                .isEqualTo(200);
        assertThat(gateway.get("/actuator/health", null).json().get("status").asText()).isEqualTo("UP");
    }

    private Map<String, JsonNode> figures(String period) {
        GatewayClient.Reply reply = gateway.get("/api/v1/figures?period=" + period, Tokens.READER);
        assertThat(reply.status()).isEqualTo(200);
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode f : reply.json()) {
            byKey.put(f.at("/subject/id").asText() + "/" + f.get("metric").asText(), f);
        }
        return byKey;
    }

    private static String value(Map<String, JsonNode> figures, String subject, String metric) {
        JsonNode figure = figures.get(subject + "/" + metric);
        assertThat(figure).as("figure %s/%s among %s", subject, metric, figures.keySet()).isNotNull();
        return figure.get("value").asText();
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** docs/figures.md: SHA-256 over the sorted keys, one per line. Computed here independently. */
    private static String digest(String... keys) throws Exception {
        String text = java.util.Arrays.stream(keys).sorted().map(k -> k + "\n").reduce("", String::concat);
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
