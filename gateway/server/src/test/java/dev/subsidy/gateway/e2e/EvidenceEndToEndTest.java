package dev.subsidy.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Figures anyone can re-check, over real HTTP with a real database: a year of records closed month and year,
 * every figure's keys paged through {@code GET /api/v1/figures/{id}/keys} and its digest recomputed from them
 * as docs/figures.md defines it, written here without the gateway's {@code Digest}. Subclasses choose the
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.policies=classpath:policies/congjiang.yml"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Not SharedGateway: it needs the Congjiang policies (award lines that must not move) and a year no other
// class feeds; each subclass runs it on another database.
abstract class EvidenceEndToEndTest {

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeAll
    void feedTheYearAndCloseIt() {
        gateway = new GatewayClient(port);
        GatewayClient.Reply registry = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                CongjiangFixture.registryJson());
        assertThat(registry.status()).as(registry.body()).isEqualTo(200);
        GatewayClient.Reply fed = gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                YearOfRecords.ndjson(), StandardCharsets.UTF_8);
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);
        assertThat(fed.json().get("accepted").asInt()).isEqualTo(YearOfRecords.records());
        for (String period : List.of(YearOfRecords.MARCH, YearOfRecords.YEAR)) {
            GatewayClient.Reply close = gateway.postJson("/api/v1/periods/" + period + "/close", Tokens.ADMIN, "");
            assertThat(close.status()).as(close.body()).isEqualTo(200);
        }
    }

    @Test
    void everyFiguresDigestIsRecomputedFromTheKeysItLists() throws Exception {
        for (String period : List.of(YearOfRecords.MARCH, YearOfRecords.YEAR)) {
            Map<String, JsonNode> figures = figures(period);
            assertThat(figures).as("figures of " + period).hasSizeGreaterThan(10);
            for (JsonNode figure : figures.values()) {
                String id = figure.get("figureId").asText();
                // a page size that does not divide the counts, so most figures take several pages
                List<String> keys = allKeys(id, null, 997);
                assertThat(keys).as(id).hasSize(figure.at("/evidence/counted").asInt());
                assertThat(keys).as(id + " in the digest's order, each once").isSorted().doesNotHaveDuplicates();
                assertThat(sha256Lines(keys)).as(id).isEqualTo(figure.at("/evidence/digest").asText());
            }
        }
    }

    @Test
    void theKeysOfAParcelFigureAreTheParcelsItCounted() {
        String id = CongjiangFixture.ZTO_COMPANY + "/PARCELS_OUTBOUND/" + YearOfRecords.YEAR;
        List<String> keys = allKeys(id, null, 5000);
        // the tea merchant's parcels and those without an order, all collected at its site
        assertThat(keys).hasSize(YearOfRecords.TEA_ORDERS + YearOfRecords.WITHOUT_ORDER)
                .contains("ZTO:73240000000000", "ZTO:73250000000199").allMatch(k -> k.startsWith("ZTO:732"));
    }

    @Test
    void aPageSaysWhereItIsAndLinksItsNeighbours() {
        String id = CongjiangFixture.MERCHANT_TEA + "/ORDERS/" + YearOfRecords.YEAR;
        GatewayClient.Reply second = gateway.get(path(id) + "?page=2&size=1000", Tokens.READER);

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode page = second.json();
        assertThat(page.get("figureId").asText()).isEqualTo(id);
        assertThat(page.get("revision").asInt()).isEqualTo(1);
        assertThat(page.get("currentRevision").asInt()).isEqualTo(1);
        // every tea order counts but the refunded-in-part ones still do (net above 0)
        assertThat(page.get("counted").asInt()).isEqualTo(YearOfRecords.TEA_ORDERS);
        assertThat(page.get("pages").asInt()).isEqualTo(6);
        assertThat(page.get("keys")).hasSize(1000);
        assertThat(page.get("next").asText()).isEqualTo(path(id) + "?revision=1&size=1000&page=3");
        assertThat(page.get("previous").asText()).isEqualTo(path(id) + "?revision=1&size=1000&page=1");
        JsonNode last = gateway.get(path(id) + "?page=6&size=1000", Tokens.READER).json();
        assertThat(last.get("keys")).hasSize(100);
        assertThat(last.has("next")).as("no next page after the last").isFalse();
        JsonNode beyond = gateway.get(path(id) + "?page=7&size=1000", Tokens.READER).json();
        assertThat(beyond.get("keys")).isEmpty();
    }

    @Test
    void anOlderRevisionKeepsItsOwnKeys() throws Exception {
        // a late March order of the pork shop revises its March figures; revision 1 still lists what it counted
        Map<String, JsonNode> before = figures(YearOfRecords.MARCH);
        GatewayClient.Reply late = gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER, """
            [{"kind":"order","platform":"PDD","orderId":"EV-R-LATE","shopId":"rice-9","channel":"C2C","status":"COMPLETED",
              "paidAt":"2024-03-15T11:00:00+08:00","amount":"10.00"}]""");
        assertThat(late.json().get("accepted").asInt()).isEqualTo(1);
        gateway.postJson("/api/v1/periods/" + YearOfRecords.MARCH + "/close", Tokens.ADMIN, "");
        Map<String, JsonNode> after = figures(YearOfRecords.MARCH);

        String id = CongjiangFixture.MERCHANT_RICE + "/SALES_NET/" + YearOfRecords.MARCH;
        JsonNode old = before.get(id);
        JsonNode now = after.get(id);
        assertThat(now.get("revision").asInt()).isEqualTo(old.get("revision").asInt() + 1);
        List<String> oldKeys = allKeys(id, old.get("revision").asInt(), 10);
        List<String> newKeys = allKeys(id, null, 10);
        assertThat(sha256Lines(oldKeys)).isEqualTo(old.at("/evidence/digest").asText());
        assertThat(sha256Lines(newKeys)).isEqualTo(now.at("/evidence/digest").asText());
        assertThat(newKeys).containsAll(oldKeys).contains("PDD:EV-R-LATE").hasSize(oldKeys.size() + 1);
    }

    @Test
    void anUnknownFigureOrRevisionIsNotFoundAndBadPagingIsRefused() {
        String id = CongjiangFixture.ZTO_COMPANY + "/PARCELS_OUTBOUND/" + YearOfRecords.YEAR;
        assertError(gateway.get(path(CongjiangFixture.ZTO_COMPANY + "/PARCELS_OUTBOUND/2023"), Tokens.READER), 404,
                "no figure '" + CongjiangFixture.ZTO_COMPANY + "/PARCELS_OUTBOUND/2023' has been published");
        assertError(gateway.get(path("NOBODY/SALES_NET/2024"), Tokens.READER), 404, "NOBODY/SALES_NET/2024");
        assertError(gateway.get(path(id) + "?revision=9", Tokens.READER), 404, "has no revision 9");
        assertError(gateway.get(path(CongjiangFixture.ZTO_COMPANY + "/PARCELS/2024"), Tokens.READER), 400,
                "unknown metric 'PARCELS'");
        assertError(gateway.get(path(CongjiangFixture.ZTO_COMPANY + "/PARCELS_OUTBOUND/2024-13"), Tokens.READER), 400,
                "2024-13");
        for (String bad : List.of("page=0", "page=-1", "page=x", "size=0", "size=10001", "size=1.5", "revision=0",
                "revision=abc")) {
            assertError(gateway.get(path(id) + "?" + bad, Tokens.READER), 400, "must be a whole number");
        }
    }

    @Test
    void reportedTotalsStandBesideTheVerifiedOnesAndNeverChangeWhatIsPaid() {
        String zto = CongjiangFixture.ZTO_COMPANY;
        String tea = CongjiangFixture.MERCHANT_TEA;
        // whatever other tests fed into 2024, this close takes it in: from here on nothing but reports arrive
        gateway.postJson("/api/v1/periods/2024/close", Tokens.ADMIN, "");
        Map<String, JsonNode> figuresBefore = figures(YearOfRecords.YEAR);
        JsonNode awardsBefore = gateway.get("/api/v1/awards?period=2024", Tokens.READER).json();
        assertThat(awardsBefore).as("the year earns award lines").hasSizeGreaterThanOrEqualTo(2);

        String body = """
            [
              {"subject": "%1$s", "period": "2024", "metric": "PARCELS_OUTBOUND", "value": "5300", "source": "中通从江分部年报"},
              {"subject": "%1$s", "site": "ZTO:CJ-ZTO-01", "period": "2024", "metric": "PARCELS_OUTBOUND", "value": 9000,
               "source": "网点点数表"},
              {"subject": "%2$s", "shop": "TAOBAO:tea-001", "period": "2024", "metric": "SALES_NET", "value": "255000.00",
               "source": "店铺销售报表"},
              {"subject": "%2$s", "period": "2024", "metric": "SALES_NET_AGRICULTURAL", "value": "1000000", "source": "商户自报"},
              {"subject": "%1$s", "period": "2024", "metric": "PARCELS_OUTBOUND_LOCAL_PRODUCTS", "value": "50000",
               "source": "中通从江分部年报"},
              {"subject": "%1$s", "site": "ZTO:CJ-ZTO-01", "period": "2024", "metric": "PARCELS_INBOUND", "value": "10",
               "source": "网点点数表"},
              {"subject": "%2$s", "shop": "TAOBAO:tea-001", "period": "2024", "metric": "ORDERS", "value": "5100",
               "source": "店铺销售报表"},
              {"subject": "%2$s", "shop": "TAOBAO:tea-001", "period": "2024", "metric": "SALES_NET_B2B", "value": "24480.00",
               "source": "店铺销售报表"},
              {"subject": "NOBODY", "period": "2024", "metric": "SALES_NET", "value": "1", "source": "x"},
              {"subject": "%1$s", "site": "SF:CJ-SF-01", "period": "2024", "metric": "PARCELS_OUTBOUND", "value": "1", "source": "x"},
              {"subject": "%2$s", "site": "ZTO:CJ-ZTO-01", "shop": "TAOBAO:tea-001", "period": "2024", "metric": "ORDERS",
               "value": "1", "source": "x"},
              {"subject": "%2$s", "period": "2024", "metric": "INVOICED_SALES", "value": "1", "source": "x"},
              {"subject": "%2$s", "period": "2024", "metric": "SALES_NET", "value": "-5", "source": "x"},
              {"subject": "%1$s", "period": "2024", "metric": "PARCELS_OUTBOUND", "value": "12.5", "source": "x"},
              {"subject": "%1$s", "period": "2024-13", "metric": "PARCELS_OUTBOUND", "value": "1", "source": "x"},
              {"subject": "%1$s", "period": "2024", "metric": "PARCELS_OUTBOUND", "value": "1"},
              42,
              {"subject": "%2$s", "shopId": "tea-001", "period": "2024", "metric": "ORDERS", "value": "1", "source": "x"}
            ]""".formatted(zto, tea);
        GatewayClient.Reply stored = gateway.postJson("/api/v1/count-reports", Tokens.ADMIN, body);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(8);
        Map<Integer, String> rejected = new TreeMap<>();
        stored.json().get("rejected").forEach(r -> rejected.put(r.get("index").asInt(), r.get("reason").asText()));
        assertThat(rejected).containsOnlyKeys(8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(rejected.get(8)).contains("subject: 'NOBODY' is not in the registry");
        assertThat(rejected.get(9)).contains("site: 'SF:CJ-SF-01' is not a site of " + zto);
        assertThat(rejected.get(10)).contains("not both");
        assertThat(rejected.get(11)).contains("'INVOICED_SALES' is not a measured metric");
        assertThat(rejected.get(12)).contains("must not be negative");
        assertThat(rejected.get(13)).contains("a count, a whole number");
        assertThat(rejected.get(14)).startsWith("period:");
        assertThat(rejected.get(15)).contains("source: missing");
        assertThat(rejected.get(16)).contains("not a JSON object");
        assertThat(rejected.get(17)).contains("unknown field 'shopId'");

        Map<String, JsonNode> lines = lines("/api/v1/count-reports?period=2024");
        JsonNode whole = lines.get(zto + "||PARCELS_OUTBOUND|中通从江分部年报");
        assertThat(whole.get("verified").asText()).isEqualTo(figuresBefore.get(zto + "/PARCELS_OUTBOUND/2024").get("value").asText())
                .isEqualTo("5300");
        assertThat(whole.get("difference").asText()).isEqualTo("0");
        assertThat(whole.get("flagged").asBoolean()).isFalse();
        JsonNode site = lines.get(zto + "|ZTO:CJ-ZTO-01|PARCELS_OUTBOUND|网点点数表");
        // every outbound parcel of the company was collected at its one site: the aggregate agrees with the figure
        assertThat(site.get("verified").asText()).isEqualTo("5300");
        assertThat(site.get("difference").asText()).isEqualTo("3700");
        assertThat(site.get("share").asText()).isEqualTo("0.6981");
        assertThat(site.get("flagged").asBoolean()).isTrue();
        assertThat(site.get("reason").asText()).isEqualTo(
                "reported 9000 exceeds the verified 5300 by 3700 (69.81 %), over the tolerance of 2 %");
        JsonNode shop = lines.get(tea + "|TAOBAO:tea-001|SALES_NET|店铺销售报表");
        // 5,100 orders of 50.00, 102 of them refunded 10.00: within 2 % of what was reported
        assertThat(shop.get("verified").asText()).isEqualTo("253980.00");
        assertThat(shop.get("difference").asText()).isEqualTo("1020.00");
        assertThat(shop.get("share").asText()).isEqualTo("0.0040");
        assertThat(shop.get("flagged").asBoolean()).isFalse();
        assertThat(lines.get(tea + "|TAOBAO:tea-001|ORDERS|店铺销售报表").get("verified").asText()).isEqualTo("5100");
        assertThat(lines.get(tea + "|TAOBAO:tea-001|SALES_NET_B2B|店铺销售报表").get("verified").asText()).isEqualTo("24480.00");
        JsonNode inbound = lines.get(zto + "|ZTO:CJ-ZTO-01|PARCELS_INBOUND|网点点数表");
        assertThat(inbound.has("verified")).isFalse();
        assertThat(inbound.get("flagged").asBoolean()).isFalse();
        assertThat(inbound.get("reason").asText()).startsWith("not computable for this scope");

        // the same (subject, scope, period, metric, source) again replaces the report: now within tolerance
        GatewayClient.Reply again = gateway.postJson("/api/v1/count-reports", Tokens.ADMIN, """
            [{"subject": "%s", "site": "zto:CJ-ZTO-01", "period": "2024", "metric": "PARCELS_OUTBOUND", "value": "5400",
              "source": "网点点数表"}]""".formatted(zto));
        assertThat(again.json().get("stored").asInt()).isEqualTo(1);
        assertThat(lines("/api/v1/count-reports?period=2024")).hasSameSizeAs(lines)
                .extractingByKey(zto + "|ZTO:CJ-ZTO-01|PARCELS_OUTBOUND|网点点数表")
                .satisfies(l -> assertThat(l.get("flagged").asBoolean()).isFalse());
        assertThat(lines("/api/v1/count-reports?period=2024&flagged=true")).containsOnlyKeys(
                tea + "||SALES_NET_AGRICULTURAL|商户自报", zto + "||PARCELS_OUTBOUND_LOCAL_PRODUCTS|中通从江分部年报");
        assertThat(lines("/api/v1/count-reports?subject=" + tea)).allSatisfy((k, l) ->
                assertThat(l.get("subject").asText()).isEqualTo(tea));

        // a branch's count sheet in GBK CSV, as the registry takes it
        GatewayClient.Reply csv = gateway.post("/api/v1/count-reports", Tokens.ADMIN, "text/csv; charset=GBK",
                "subject,site,period,metric,value,source\n" + zto + ",ZTO:CJ-ZTO-01,2024-03,PARCELS_OUTBOUND,450,中通网点月报\n",
                java.nio.charset.Charset.forName("GBK"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.json().get("stored").asInt()).isEqualTo(1);
        assertThat(lines("/api/v1/count-reports?period=2024-03")).containsKey(zto + "|ZTO:CJ-ZTO-01|PARCELS_OUTBOUND|中通网点月报");

        // reports far above the evidence change no figure and no award line
        GatewayClient.Reply close = gateway.postJson("/api/v1/periods/2024/close", Tokens.ADMIN, "");
        assertThat(close.json().get("figuresRevised").asInt()).isZero();
        assertThat(close.json().get("awardLinesRevised").asInt()).isZero();
        assertThat(figures(YearOfRecords.YEAR)).isEqualTo(figuresBefore);
        assertThat(gateway.get("/api/v1/awards?period=2024", Tokens.READER).json()).isEqualTo(awardsBefore);

        assertError(gateway.get("/api/v1/count-reports?period=2024-13", Tokens.ADMIN), 400, "period");
        assertError(gateway.get("/api/v1/count-reports?flagged=maybe", Tokens.ADMIN), 400, "flagged must be true or false");
        assertThat(gateway.get("/api/v1/count-reports", Tokens.READER).status()).isEqualTo(403);
    }

    // ---- helpers ----

    /** Count report lines by subject|site-or-shop|metric|source. */
    private Map<String, JsonNode> lines(String path) {
        GatewayClient.Reply reply = gateway.get(path, Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, JsonNode> out = new TreeMap<>();
        reply.json().forEach(l -> out.put(l.get("subject").asText() + "|" + l.path("site").asText(l.path("shop").asText(""))
                + "|" + l.get("metric").asText() + "|" + l.get("source").asText(), l));
        return out;
    }

    private Map<String, JsonNode> figures(String period) {
        GatewayClient.Reply reply = gateway.get("/api/v1/figures?period=" + period, Tokens.READER);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, JsonNode> out = new TreeMap<>();
        reply.json().forEach(f -> out.put(f.get("figureId").asText(), f));
        return out;
    }

    private static String path(String figureId) {
        return "/api/v1/figures/" + figureId + "/keys";
    }

    /** Every key of a revision (the current one when null), following the pages' {@code next} links. */
    private List<String> allKeys(String figureId, Integer revision, int size) {
        List<String> keys = new ArrayList<>();
        String next = path(figureId) + "?size=" + size + (revision == null ? "" : "&revision=" + revision);
        Map<Integer, Integer> seenPages = new LinkedHashMap<>();
        while (next != null) {
            GatewayClient.Reply reply = gateway.get(next, Tokens.READER);
            assertThat(reply.status()).as(next + ": " + reply.body()).isEqualTo(200);
            JsonNode page = reply.json();
            assertThat(seenPages.put(page.get("page").asInt(), page.get("keys").size())).as("page read twice").isNull();
            page.get("keys").forEach(k -> keys.add(k.asText()));
            next = page.hasNonNull("next") ? page.get("next").asText() : null;
        }
        return keys;
    }

    /** docs/figures.md "The digest, exactly": SHA-256 over each key and a line feed, keys sorted, UTF-8. */
    private static String sha256Lines(List<String> keys) throws Exception {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(String::compareTo);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String key : sorted) {
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static void assertError(GatewayClient.Reply reply, int status, String reason) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).contains(reason);
    }
}
