package dev.subsidy.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.model.CreditCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code PUT /api/v1/registry/subjects} over HTTP into a real database: a bad entry is rejected on its
 * own with its reasons, entries that contradict each other refuse the whole body and store nothing.
 */
class RegistryApiIT extends SharedGateway {

    // valid check characters (GB 32100), made for these tests only
    private static final String FIRM_A = code("91522633MA6DR0001");
    private static final String FIRM_B = code("91522633MA6DR0002");
    private static final String FIRM_C = code("92522633MA6DR0003");
    private static final String FIRM_D = code("91522633MA6DR0004");


    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String merchant(String id, String name, String shopId) {
        return """
            {"type": "MERCHANT", "id": "%s", "name": "%s", "region": "522633100", "registeredOn": "2020-01-15",
             "taxRegistered": true, "shops": [{"platform": "TAOBAO", "shopId": "%s"}]}""".formatted(id, name, shopId);
    }

    private GatewayClient.Reply putJson(String body) {
        return gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, body);
    }

    private GatewayClient.Reply putCsv(String csv, Charset charset) {
        return gateway.send("PUT", "/api/v1/registry/subjects", Tokens.ADMIN, "text/csv", csv.getBytes(charset));
    }

    private int subjects() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM subject", Integer.class);
    }

    private int status(String id) {
        return gateway.get("/api/v1/registry/subjects/" + id, Tokens.ADMIN).status();
    }

    @Test
    void theSameIdTwiceInAJsonBodyIs400NamingBothEntriesAndStoresNothing() {
        int before = subjects();
        GatewayClient.Reply reply = putJson("[" + merchant(FIRM_A, "甲", "dup-a1") + ","
                + merchant(FIRM_B, "乙", "dup-b1") + ","
                // the same firm in lower case: the same id once normalised
                + merchant(FIRM_A.toLowerCase(java.util.Locale.ROOT), "甲（改）", "dup-a2") + "]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("nothing was stored")
                .contains("id '" + FIRM_A + "' at index 0 and 2").doesNotContain(FIRM_B);
        assertThat(subjects()).isEqualTo(before);
        assertThat(status(FIRM_B)).isEqualTo(404);
    }

    @Test
    void theSameIdTwiceInACsvBodyIs400NamingBothRowsAndStoresNothing() {
        int before = subjects();
        String csv = """
            type,id,name,region,shops
            MERCHANT,%s,丙,522633100,TAOBAO:dup-c1
            STATION,CJ-STATION-DUP,服务站,522633200,
            MERCHANT,%s,丙二,522633100,PDD:dup-c2
            """.formatted(FIRM_C, FIRM_C);

        GatewayClient.Reply reply = putCsv(csv, Charset.forName("GBK"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("id '" + FIRM_C + "' at index 0 and 2");
        assertThat(subjects()).isEqualTo(before);
        assertThat(status("CJ-STATION-DUP")).isEqualTo(404);
    }

    @Test
    void aShopClaimedByTwoSubjectsOfOneBodyIs400() {
        int before = subjects();
        GatewayClient.Reply reply = putJson("[" + merchant(FIRM_A, "甲", "shared-shop") + ","
                + merchant(FIRM_B, "乙", "shared-shop") + "]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText())
                .contains("'shop TAOBAO:shared-shop' claimed by '" + FIRM_A + "' (index 0) and '" + FIRM_B + "' (index 1)");
        assertThat(subjects()).isEqualTo(before);
    }

    @Test
    void aBadCreditCodeIsRejectedOnItsOwnAndTheOtherEntriesAreStored() {
        String lettersNoCodeHolds = "91522633MA6DR00I1";
        GatewayClient.Reply reply = putJson("[" + merchant(lettersNoCodeHolds + "X", "错码", "bad-1") + ","
                + merchant(FIRM_C, "丙", "good-1") + ","
                + merchant("shop-owner-17", "无码", "bad-2") + "]");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/rejected/0/index").asInt()).isZero();
        assertThat(reply.json().at("/rejected/0/reason").asText())
                .contains("is not the unified social credit code a merchant is known by")
                .contains("character 16 is 'I', a letter GB 32100 leaves out");
        assertThat(reply.json().at("/rejected/1/index").asInt()).isEqualTo(2);
        assertThat(reply.json().at("/rejected/1/reason").asText()).contains("has 18 characters, this has 13");
        assertThat(status(FIRM_C)).isEqualTo(200);
        // looked up as kept: lower case and full-width find the same firm
        assertThat(status(FIRM_C.toLowerCase(java.util.Locale.ROOT))).isEqualTo(200);
    }

    @Test
    void registrationDatesInTheFutureOrBeforeTheRegistersAreRejected() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        GatewayClient.Reply reply = putJson("""
            [{"type": "STATION", "id": "CJ-ST-FUTURE", "name": "未来站", "region": "522633200", "registeredOn": "9999-01-01"},
             {"type": "STATION", "id": "CJ-ST-TOMORROW", "name": "明日站", "region": "522633200", "registeredOn": "%s"},
             {"type": "STATION", "id": "CJ-ST-OLD", "name": "旧站", "region": "522633200", "registeredOn": "1900-01-01"},
             {"type": "STATION", "id": "CJ-ST-FINE", "name": "好站", "region": "522633200", "registeredOn": "1949-10-01"}]"""
                .formatted(tomorrow));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(1);
        assertThat(reply.json().get("rejected")).extracting(r -> r.get("reason").asText()).containsExactly(
                "registeredOn: 9999-01-01 is in the future (today is "
                        + LocalDate.now(ZoneId.of("Asia/Shanghai")) + " in China)",
                "registeredOn: " + tomorrow + " is in the future (today is "
                        + LocalDate.now(ZoneId.of("Asia/Shanghai")) + " in China)",
                "registeredOn: 1900-01-01 is before 1949-10-01, where the registers begin");
        assertThat(gateway.get("/api/v1/registry/subjects/CJ-ST-FINE", Tokens.ADMIN).json().get("registeredOn").asText())
                .isEqualTo("1949-10-01");
    }

    @Test
    void longAndControlCharacterIdsAndNamesAreRejectedWithoutEchoingThem() {
        String longId = "L".repeat(10_000);
        GatewayClient.Reply reply = putJson("""
            [{"type": "STATION", "id": "%s", "name": "长", "region": "522633200"},
             {"type": "STATION", "id": "CJ-\\u202eST", "name": "反", "region": "522633200"},
             {"type": "STATION", "id": "CJ-ST-NAME", "name": "服务站\\u0000", "region": "522633200"},
             {"type": "STATION", "id": "CJ-ST-TAB", "name": "%s", "region": "522633200"},
             {"type": "TOWN", "id": "522633100", "name": "丙妹镇", "region": "522633100", "taxRegistered": "yes"}]"""
                .formatted(longId, "名".repeat(500)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isZero();
        JsonNode rejected = reply.json().get("rejected");
        assertThat(rejected).hasSize(5);
        assertThat(rejected.get(0).get("reason").asText()).contains("(10000 characters) is longer than 64 characters")
                .hasSizeLessThan(200);
        assertThat(rejected.get(1).get("reason").asText())
                .isEqualTo("id: holds U+202E (a bidirectional control) at character 4, which no name or code may hold");
        assertThat(rejected.get(2).get("reason").asText()).isEqualTo(
                "name: holds U+0000 (a control character) at character 4, which no name or code may hold");
        assertThat(rejected.get(3).get("reason").asText()).isEqualTo("name: 500 characters, at most 100");
        assertThat(rejected.get(4).get("reason").asText())
                .isEqualTo("taxRegistered: must be true or false (a JSON boolean), not text");
        assertThat(reply.body()).doesNotContain("\u202e").doesNotContain("\\u202e");
    }

    @Test
    void aCsvBodyKeepsItsSpreadsheetWords() {
        String csv = """
            type,id,name,region,taxRegistered,registeredOn,carriers,sites
            EXPRESS_COMPANY,%s,从江某快递,522633102,是,2018-04-16,YUNDA,YUNDA:CJ-YD-RT:522633102
            """.formatted(FIRM_D);
        GatewayClient.Reply reply = putCsv(csv, StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(1);
        JsonNode firm = gateway.get("/api/v1/registry/subjects/" + FIRM_D, Tokens.ADMIN).json();
        assertThat(firm.get("taxRegistered").asBoolean()).isTrue();
        assertThat(firm.at("/sites/0/siteCode").asText()).isEqualTo("CJ-YD-RT");
    }
}
