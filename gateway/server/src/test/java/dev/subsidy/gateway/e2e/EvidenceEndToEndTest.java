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

    // ---- helpers ----

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
