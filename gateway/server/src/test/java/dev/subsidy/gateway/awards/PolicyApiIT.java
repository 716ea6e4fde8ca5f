package dev.subsidy.gateway.awards;

import static dev.subsidy.gateway.awards.XinjiangFixture.HQ;
import static dev.subsidy.gateway.awards.XinjiangFixture.MERCHANT_A;
import static dev.subsidy.gateway.awards.XinjiangFixture.MERCHANT_B;
import static dev.subsidy.gateway.awards.XinjiangFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The policy side of the gateway over real HTTP on SQLite, with 信江新区's policy: administrator-entered
 * figures and the close that pays on them, award lines revised (and withdrawn) when a refund revises
 * their basis and the revisions pushed, milestones across two years, and the policy list, validate and
 * preview endpoints. Each test keeps to its own subject and years, so the order they run in does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=信江新区",
    "gateway.jurisdiction.regions=360602007,360602100",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.award.secret=" + Tokens.AWARD_SECRET,
    "gateway.award.poll-interval=200ms",
    "gateway.award.initial-backoff=200ms",
    "gateway.policies=classpath:policies/xinjiang.yml"
})
// Its own context, not SharedGateway's: another jurisdiction (信江新区) with its policy, and award lines delivered to
// its own intake simulator.
class PolicyApiIT {

    static final AwardIntakeSimulator INTAKE = AwardIntakeSimulator.start(Tokens.AWARD_SECRET);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-policy-it");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.award.url", INTAKE::baseUrl);
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void registry() {
        gateway = new GatewayClient(port);
        GatewayClient.Reply reply = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, XinjiangFixture.registryJson());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(3);
    }

    @AfterAll
    static void stopIntake() {
        INTAKE.close();
    }

    // ---- administrator-entered figures ----

    @Test
    void anEnteredFigureIsCheckedKeptWithWhoAndWhenAndPaysAtTheNextClose() throws Exception {
        JsonNode before = close("2017");
        assertThat(texts(before.get("notComputable"))).anySatisfy(n -> assertThat(n)
                .startsWith("xj-logistics-hq " + HQ + ": ")
                .contains("OPERATING_REVENUE of 信江某物流区域总部 (" + HQ + ") for 2017 has not been entered"));
        assertThat(award("2017", HQ, "xj-logistics-hq")).isNull();

        HttpResponse<String> put = enter("""
            [
              {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2017", "value": "2500000", "note": "2017年度审计报告"},
              {"subject": "91360602MA35NOBODY", "metric": "OPERATING_REVENUE", "period": "2017", "value": "1"},
              {"subject": "%s", "metric": "SALES_NET", "period": "2017", "value": "1"},
              {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2017-13", "value": "1"},
              {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2017", "value": "-5"},
              {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2017", "value": "1.001"}
            ]""".formatted(HQ, HQ, HQ, HQ, HQ), "Li Wei");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(put.body());
        assertThat(reply.get("stored").asInt()).isEqualTo(1);
        assertThat(reply.get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(reply.at("/rejected/0/reason").asText()).isEqualTo("subject: '91360602MA35NOBODY' is not in the registry");
        assertThat(reply.at("/rejected/1/reason").asText()).startsWith("metric: SALES_NET is measured from feeds");
        assertThat(reply.at("/rejected/2/reason").asText()).startsWith("period: ");
        assertThat(reply.at("/rejected/3/reason").asText()).isEqualTo("value: must not be negative, not -5");
        assertThat(reply.at("/rejected/4/reason").asText()).isEqualTo("value: at most 2 decimals, not 1.001");

        // readers read figures, entered ones included
        GatewayClient.Reply listed = gateway.get("/api/v1/figures/entered?period=2017&subject=" + HQ, Tokens.READER);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).singleElement().satisfies(f -> {
            assertThat(f.get("figureId").asText()).isEqualTo(HQ + "/OPERATING_REVENUE/2017");
            assertThat(f.get("value").asText()).isEqualTo("2500000.00");
            assertThat(f.get("revision").asInt()).isEqualTo(1);
            assertThat(f.get("note").asText()).isEqualTo("2017年度审计报告");
            assertThat(f.get("enteredBy").asText()).isEqualTo("admin (Li Wei)");
            assertThat(Instant.parse(f.get("enteredAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        });

        JsonNode after = close("2017");
        assertThat(texts(after.get("notComputable"))).noneSatisfy(n -> assertThat(n).startsWith("xj-logistics-hq " + HQ));
        JsonNode line = award("2017", HQ, "xj-logistics-hq");
        assertThat(line.get("amount").asText()).isEqualTo("80000.00");
        assertThat(line.get("revision").asInt()).isEqualTo(1);
        assertThat(line.at("/basis/0/figureId").asText()).isEqualTo(HQ + "/OPERATING_REVENUE/2017");
        assertThat(line.at("/basis/0/value").asText()).isEqualTo("2500000.00");
        assertThat(line.at("/basis/0/revision").asInt()).isEqualTo(1);

        // the same entry again is no revision; a corrected one is, with the earlier kept
        assertThat(enter("""
            [{"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2017", "value": "2500000.00", "note": "2017年度审计报告"}]"""
                .formatted(HQ), null).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/figures/entered?history=true&subject=" + HQ, Tokens.ADMIN).json()).hasSize(1);
        enter("""
            [{"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2017", "value": "1500000"}]""".formatted(HQ), null);
        JsonNode history = gateway.get("/api/v1/figures/entered?history=true&period=2017&subject=" + HQ, Tokens.ADMIN).json();
        assertThat(history).extracting(f -> f.get("revision").asInt()).containsExactly(2, 1);
        assertThat(history.get(0).get("enteredBy").asText()).isEqualTo("admin");
        assertThat(history.get(0).has("note")).isFalse();
        assertThat(gateway.get("/api/v1/figures/entered?period=2017&subject=" + HQ, Tokens.ADMIN).json())
                .singleElement().satisfies(f -> assertThat(f.get("value").asText()).isEqualTo("1500000.00"));

        // below 2,000,000 the one-off award is no longer earned: its line is withdrawn, not left standing
        close("2017");
        JsonNode withdrawn = award("2017", HQ, "xj-logistics-hq");
        assertThat(withdrawn.get("amount").asText()).isEqualTo("0.00");
        assertThat(withdrawn.get("revision").asInt()).isEqualTo(2);
        assertThat(withdrawn.get("explanation").asText()).startsWith("withdrawn: ");
    }

    @Test
    void enteringFiguresIsForTheAdministratorAndABrokenBodyIsABadRequest() {
        assertThat(gateway.putJson("/api/v1/figures/entered", Tokens.READER, "[]").status()).isEqualTo(403);
        assertThat(gateway.putJson("/api/v1/figures/entered", null, "[]").status()).isEqualTo(401);
        GatewayClient.Reply broken = gateway.putJson("/api/v1/figures/entered", Tokens.ADMIN, "[{");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).startsWith("body is not valid JSON");
        GatewayClient.Reply notArray = gateway.putJson("/api/v1/figures/entered", Tokens.ADMIN, "{}");
        assertThat(notArray.status()).isEqualTo(400);
        assertThat(gateway.get("/api/v1/figures/entered?period=2017-Q5", Tokens.ADMIN).status()).isEqualTo(400);
    }

    // ---- registry facts ----

    @Test
    void aMerchantWhoseRegistryEntryDoesNotSayItIsInTheEcommerceCityIsReportedNotComputableUntilItDoes() {
        String merchantC = "92360602MA35XJC001";
        String unstated = """
            [{"type": "MERCHANT", "id": "%s", "name": "信江丙电商", "region": "360602100", "registeredOn": "2014-03-01",
              "taxRegistered": true, "shops": [{"platform": "TAOBAO", "shopId": "xj-c"}]%s}]""";
        assertThat(gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, unstated.formatted(merchantC, "")).status())
                .isEqualTo(200);
        feed(List.of(order("xj-c", "C16-1", "2016-04-01", "6000000.00", "COMPLETED", "0")));

        assertThat(texts(close("2016").get("notComputable")))
                .contains("xj-sales-milestone " + merchantC + ": because ecommerceCity is not in the registry for 信江丙电商 ("
                        + merchantC + ")");
        assertThat(award("2016", merchantC, "xj-sales-milestone")).isNull();

        // stated false: not eligible, and nothing left to report
        gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                unstated.formatted(merchantC, ", \"attributes\": {\"ecommerceCity\": false}"));
        assertThat(texts(close("2016").get("notComputable"))).noneSatisfy(n -> assertThat(n).contains(merchantC));
        assertThat(award("2016", merchantC, "xj-sales-milestone")).isNull();

        // stated true: paid at the next close
        gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                unstated.formatted(merchantC, ", \"attributes\": {\"ecommerceCity\": \"true\"}"));
        close("2016");
        assertThat(award("2016", merchantC, "xj-sales-milestone").get("amount").asText()).isEqualTo("10000.00");
    }

    // ---- award revisions ----

    @Test
    void aRefundRevisesTheBasisFigureAndTheAwardLineAndTheRevisionsArePushed() {
        List<String> orders = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            orders.add(order("xj-a", "A15-" + i, "2015-0" + (i + 2) + "-10", "4000000.00", "COMPLETED", "0"));
        }
        feed(orders);
        close("2015");
        JsonNode first = award("2015", MERCHANT_A, "xj-sales-milestone");
        assertThat(first.get("amount").asText()).isEqualTo("60000.00"); // 16M: steps 5M + 10M + 15M
        assertThat(first.get("revision").asInt()).isEqualTo(1);
        assertThat(first.at("/basis/0/value").asText()).isEqualTo("16000000.00");
        assertThat(first.at("/basis/0/revision").asInt()).isEqualTo(1);

        // one order refunded in full after the close: 12M, the 15M step is no longer reached
        feed(List.of(order("xj-a", "A15-4", "2015-06-10", "4000000.00", "REFUNDED", "4000000.00")));
        JsonNode summary = close("2015");
        assertThat(summary.get("awardLinesRevised").asInt()).isEqualTo(1);
        JsonNode revised = award("2015", MERCHANT_A, "xj-sales-milestone");
        assertThat(revised.get("awardId").asText()).isEqualTo(first.get("awardId").asText());
        assertThat(revised.get("amount").asText()).isEqualTo("30000.00");
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.at("/basis/0/figureId").asText()).isEqualTo(MERCHANT_A + "/SALES_NET/2015");
        assertThat(revised.at("/basis/0/value").asText()).isEqualTo("12000000.00");
        assertThat(revised.at("/basis/0/revision").asInt()).isEqualTo(2);

        // two more refunds: 4M, below the first step; the line is withdrawn at 0.00
        feed(List.of(order("xj-a", "A15-2", "2015-04-10", "4000000.00", "REFUNDED", "4000000.00"),
                order("xj-a", "A15-3", "2015-05-10", "4000000.00", "REFUNDED", "4000000.00")));
        close("2015");
        JsonNode withdrawn = award("2015", MERCHANT_A, "xj-sales-milestone");
        assertThat(withdrawn.get("amount").asText()).isEqualTo("0.00");
        assertThat(withdrawn.get("revision").asInt()).isEqualTo(3);
        assertThat(close("2015").get("awardLinesRevised").asInt()).isZero();

        String awardId = first.get("awardId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> pushed = INTAKE.acceptedBatches().stream().filter(b -> b.has("awards"))
                    .flatMap(b -> elements(b.get("awards")).stream())
                    .filter(a -> a.get("awardId").asText().equals(awardId)).toList();
            assertThat(pushed).extracting(a -> a.get("revision").asInt() + " " + a.get("amount").asText())
                    .containsExactlyInAnyOrder("1 60000.00", "2 30000.00", "3 0.00");
        });
        assertThat(INTAKE.refusals()).isEmpty();
    }

    @Test
    void closing2016Then2017PaysOnlyTheStepsPassedForTheFirstTime() {
        // worked example 2 of docs/policy-readings.md: 17.3M, then 21M the next year
        feed(List.of(order("xj-b", "B16-1", "2016-03-01", "10000000.00", "COMPLETED", "0"),
                order("xj-b", "B16-2", "2016-09-01", "7300000.00", "COMPLETED", "0")));
        close("2016");
        JsonNode year1 = award("2016", MERCHANT_B, "xj-sales-milestone");
        assertThat(year1.get("amount").asText()).isEqualTo("60000.00");
        assertThat(year1.get("clause").asText()).isEqualTo("四(五)");
        assertThat(year1.get("explanation").asText()).contains("5000000", "10000000", "15000000");

        feed(List.of(order("xj-b", "B17-1", "2017-05-01", "21000000.00", "COMPLETED", "0")));
        close("2017");
        JsonNode year2 = award("2017", MERCHANT_B, "xj-sales-milestone");
        assertThat(year2.get("amount").asText()).isEqualTo("40000.00");
        assertThat(year2.get("explanation").asText()).contains("20000000").doesNotContain("15000000 ");
        assertThat(year2.at("/basis/0/value").asText()).isEqualTo("21000000.00");

        // closing the first year again changes nothing, and the second year still pays only the new step
        close("2016");
        close("2017");
        assertThat(award("2016", MERCHANT_B, "xj-sales-milestone").get("revision").asInt()).isEqualTo(1);
        JsonNode again = award("2017", MERCHANT_B, "xj-sales-milestone");
        assertThat(again.get("amount").asText()).isEqualTo("40000.00");
        assertThat(again.get("revision").asInt()).isEqualTo(1);
    }

    // ---- list, validate, preview ----

    @Test
    void theLoadedPoliciesAreListedForTheAdministrator() {
        GatewayClient.Reply reply = gateway.get("/api/v1/policies", Tokens.ADMIN);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode policy = reply.json().get(0);
        assertThat(reply.json()).hasSize(1);
        assertThat(policy.get("id").asText()).isEqualTo("xinjiang-2015");
        assertThat(policy.get("validFrom").asText()).isEqualTo("2015-01-01");
        assertThat(policy.get("validTo").asText()).isEqualTo("2017-12-31");
        assertThat(policy.get("rules")).extracting(r -> r.get("id").asText() + " " + r.get("clause").asText() + " "
                + r.get("kind").asText()).containsExactly(
                "xj-express-parcel 四(四) PER_UNIT", "xj-logistics-hq 四(四) FLAT", "xj-sales-milestone 四(五) MILESTONE",
                "xj-bakery 四(五) MILESTONE", "xj-small-shop 四(八) FLAT");
        assertThat(gateway.get("/api/v1/policies", Tokens.READER).status()).isEqualTo(403);
    }

    @Test
    void aDraftPolicyIsValidatedWithFileLineAndReason() throws Exception {
        GatewayClient.Reply bad = gateway.send("POST", "/api/v1/policies/validate?file=draft.yml", Tokens.ADMIN,
                "application/yaml", PolicyStartupTest.BAD.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.json().get("valid").asBoolean()).isFalse();
        assertThat(bad.json().get("problems")).extracting(p -> p.get("file").asText() + ":" + p.get("line").asInt())
                .containsExactly("draft.yml:12", "draft.yml:15");
        assertThat(bad.json().at("/problems/0/reason").asText()).startsWith("unknown metric 'PARCELS_TELEPORTED'");
        assertThat(bad.json().at("/problems/0/path").asText()).isEqualTo("/rules/0/metric");
        assertThat(bad.json().at("/problems/1/reason").asText()).contains("overlaps");
        assertThat(bad.json().at("/problems/1/column").asInt()).isPositive();

        String seed = new String(getClass().getResourceAsStream("/policies/xinjiang.yml").readAllBytes(), StandardCharsets.UTF_8);
        GatewayClient.Reply good = gateway.send("POST", "/api/v1/policies/validate", Tokens.ADMIN, "text/plain; charset=utf-8",
                seed.replace("amount: 80000", "amount: 90000").getBytes(StandardCharsets.UTF_8));
        assertThat(good.json().get("valid").asBoolean()).isTrue();
        assertThat(good.json().get("problems")).isEmpty();

        assertThat(gateway.send("POST", "/api/v1/policies/validate?file=../x.yml", Tokens.ADMIN, "application/yaml",
                seed.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(gateway.send("POST", "/api/v1/policies/validate", Tokens.READER, "application/yaml",
                seed.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    @Test
    void aPreviewShowsWhatAPolicyWouldPayAndStoresNothing() {
        GatewayClient.Reply hypothetical = gateway.postJson("/api/v1/policies/xinjiang-2015/preview", Tokens.ADMIN, """
            {"period": "2016", "priorAwards": [],
             "subjects": [{"type": "MERCHANT", "id": "draft-merchant", "name": "草拟网店", "region": "360602100",
                           "registeredOn": "2014-03-01", "taxRegistered": true, "attributes": {"ecommerceCity": "true"}}],
             "figures": [{"subject": "draft-merchant", "metric": "SALES_NET", "value": "17300000"}]}""");
        assertThat(hypothetical.status()).isEqualTo(200);
        assertThat(hypothetical.json().get("total").asText()).isEqualTo("60000.00");
        assertThat(hypothetical.json().at("/lines/0/policy").asText()).isEqualTo("xj-sales-milestone");
        assertThat(hypothetical.json().at("/lines/0/basis/0/figureId").asText())
                .isEqualTo("preview/draft-merchant/SALES_NET/2016");

        // the registry's subjects and the stored prior awards when the request gives none
        GatewayClient.Reply registry = gateway.postJson("/api/v1/policies/xinjiang-2015/preview", Tokens.ADMIN, """
            {"period": "2016", "figures": [{"subject": "%s", "metric": "OPERATING_REVENUE", "value": "2000000"}]}"""
                .formatted(HQ));
        assertThat(registry.status()).isEqualTo(200);
        assertThat(registry.json().get("lines")).singleElement().satisfies(l -> {
            assertThat(l.get("policy").asText()).isEqualTo("xj-logistics-hq");
            assertThat(l.at("/subject/name").asText()).isEqualTo("信江某物流区域总部");
            assertThat(l.get("amount").asText()).isEqualTo("80000.00");
        });

        assertThat(gateway.get("/api/v1/awards?subject=draft-merchant", Tokens.ADMIN).json()).isEmpty();
        assertThat(gateway.get("/api/v1/figures/entered?period=2016", Tokens.ADMIN).json()).isEmpty();

        assertThat(gateway.postJson("/api/v1/policies/nope/preview", Tokens.ADMIN, "{}").status()).isEqualTo(404);
        GatewayClient.Reply bad = gateway.postJson("/api/v1/policies/xinjiang-2015/preview", Tokens.ADMIN, """
            {"period": "2016", "figures": [{"subject": "x", "metric": "PARCELS", "value": "1"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("figures[0].metric: unknown metric 'PARCELS'");
        assertThat(gateway.postJson("/api/v1/policies/xinjiang-2015/preview", Tokens.READER, "{}").status()).isEqualTo(403);
    }

    // ---- helpers ----

    private void feed(List<String> records) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER,
                "[" + String.join(",", records) + "]");
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("rejected")).isEmpty();
    }

    private JsonNode close(String period) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/periods/" + period + "/close", Tokens.ADMIN, "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The subject's line of the rule in the period, or null. */
    private JsonNode award(String period, String subject, String rule) {
        GatewayClient.Reply reply = gateway.get("/api/v1/awards?period=" + period + "&subject=" + subject + "&policy=" + rule,
                Tokens.READER);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().size()).isLessThanOrEqualTo(1);
        return reply.json().isEmpty() ? null : reply.json().get(0);
    }

    /** PUT /api/v1/figures/entered, with X-Entered-By when a name is given (GatewayClient sets no extra header). */
    private HttpResponse<String> enter(String body, String enteredBy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/figures/entered"))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + Tokens.ADMIN)
                .header("Content-Type", "application/json");
        if (enteredBy != null) {
            request.header("X-Entered-By", enteredBy);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array) {
        return elements(array).stream().map(JsonNode::asText).toList();
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) {
            array.forEach(out::add);
        }
        return out;
    }
}
