package dev.subsidy.gateway.review;

import static dev.subsidy.gateway.support.CongjiangFixture.ZTO_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review queue over real HTTP on the shared gateway's SQLite database: parcels a rule flags are
 * listed by rule, subject and period, and a reviewer's decision changes their status, revises the
 * figure they count in and queues the revision. Each test keeps to a month of 2024 of its own and to
 * waybills no other class feeds, so the shared database's other records never reach its figures.
 */
class ReviewQueueIT extends SharedGateway {

    // the rule the test's suspects trip: each BAD parcel is signed for before it was collected
    private static final String SHAPE = "timeline.delivered-before-collected";
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
        GatewayClient.Reply registry = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                CongjiangFixture.registryJson());
        assertThat(registry.status()).as(registry.body()).isEqualTo(200);
    }

    @Test
    void anAcceptedSuspectCountsItsFigureIsRevisedAndQueuedUntilItsContentChanges() throws Exception {
        feed(outbound("75240500000001", "2024-05-03", "440106"), outbound("RQ5BAD1", "2024-05-04", "440106"));
        close("2024-05");
        String bad = "ZTO:RQ5BAD1";
        assertThat(status("shipment", bad)).isEqualTo("SUSPECT");
        assertThat(figure("2024-05").get("value").asText()).isEqualTo("1");
        assertThat(figure("2024-05").get("revision").asInt()).isEqualTo(1);

        // listed by rule, subject and period together, with its finding, subject and month
        JsonNode listed = get("/api/v1/review/suspects?period=2024-05&rule=" + SHAPE + "&subject=" + ZTO_COMPANY
                + "&kind=shipment");
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        JsonNode suspect = listed.at("/items/0");
        assertThat(suspect.get("key").asText()).isEqualTo(bad);
        assertThat(suspect.get("kind").asText()).isEqualTo("shipment");
        assertThat(suspect.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(suspect.get("period").asText()).isEqualTo("2024-05");
        assertThat(suspect.get("subject").asText()).isEqualTo(ZTO_COMPANY);
        assertThat(suspect.get("findings")).anySatisfy(f -> {
            assertThat(f.get("rule").asText()).isEqualTo(SHAPE);
            assertThat(f.get("outcome").asText()).isEqualTo("SUSPECT");
            assertThat(f.get("reason").asText()).isEqualTo("delivered before it was collected");
        });
        assertThat(suspect.has("decision")).isFalse();
        // the quarter finds it too; another subject, rule or kind does not
        assertThat(get("/api/v1/review/suspects?period=2024-Q2&rule=" + SHAPE).get("items"))
                .anySatisfy(i -> assertThat(i.get("key").asText()).isEqualTo(bad));
        assertThat(get("/api/v1/review/suspects?period=2024-05&subject=" + CongjiangFixture.SF_COMPANY).get("total")
                .asLong()).isZero();
        assertThat(get("/api/v1/review/suspects?period=2024-05&rule=brushing.uniform-burst").get("total").asLong()).isZero();
        assertThat(get("/api/v1/review/suspects?period=2024-05&kind=order").get("total").asLong()).isZero();
        JsonNode shapeCount = rule(get("/api/v1/review/rules?period=2024-05"), SHAPE);
        assertThat(shapeCount.get("flagged").asInt()).isEqualTo(1);
        assertThat(shapeCount.get("inQueue").asInt()).isEqualTo(1);
        int queuedBefore = figureBatches("2024-05").size();

        JsonNode reply = decide("""
            {"decision": "accept", "reason": "面单号为网点自编号，已与中通核实", "records": [{"kind": "shipment", "key": "%s"}]}"""
                .formatted(bad));
        assertThat(reply.get("decision").asText()).isEqualTo("accept");
        assertThat(reply.get("reviewer").asText()).isEqualTo("admin");
        assertThat(reply.get("rejected")).isEmpty();
        assertThat(reply.get("decided")).singleElement().satisfies(d -> {
            assertThat(d.get("key").asText()).isEqualTo(bad);
            assertThat(d.get("period").asText()).isEqualTo("2024-05");
        });
        assertThat(reply.get("reclosed")).singleElement().satisfies(c -> {
            assertThat(c.get("period").asText()).isEqualTo("2024-05");
            assertThat(c.get("figuresRevised").asInt()).isPositive();
        });

        assertThat(status("shipment", bad)).isEqualTo("VERIFIED");
        JsonNode revised = figure("2024-05");
        assertThat(revised.get("value").asText()).isEqualTo("2");
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        List<JsonNode> batches = figureBatches("2024-05");
        assertThat(batches).hasSizeGreaterThan(queuedBefore);
        assertThat(batches.stream().flatMap(b -> items(b.get("figures")).stream()))
                .anySatisfy(f -> {
                    assertThat(f.get("figureId").asText()).isEqualTo(ZTO_COMPANY + "/PARCELS_OUTBOUND/2024-05");
                    assertThat(f.get("revision").asInt()).isEqualTo(2);
                    assertThat(f.get("value").asText()).isEqualTo("2");
                });
        // out of the queue, still counted by its rule; the record shows its finding and the decision
        assertThat(get("/api/v1/review/suspects?period=2024-05").get("items"))
                .noneSatisfy(i -> assertThat(i.get("key").asText()).isEqualTo(bad));
        assertThat(rule(get("/api/v1/review/rules?period=2024-05"), SHAPE).get("inQueue").asInt()).isZero();
        JsonNode record = get("/api/v1/records/shipment/" + bad);
        assertThat(record.get("findings")).anySatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo(SHAPE));
        assertThat(record.get("decisions")).singleElement().satisfies(d -> {
            assertThat(d.get("decision").asText()).isEqualTo("accept");
            assertThat(d.get("reviewer").asText()).isEqualTo("admin");
            assertThat(d.get("reason").asText()).isEqualTo("面单号为网点自编号，已与中通核实");
            assertThat(d.get("holds").asBoolean()).isTrue();
        });
        assertThat(record.get("reasons")).anySatisfy(r -> assertThat(r.asText()).startsWith("accepted by admin"));

        // the same decision again is refused, not kept twice
        JsonNode again = decide("""
            {"decision": "accept", "reason": "again", "records": [{"kind": "shipment", "key": "%s"}]}""".formatted(bad));
        assertThat(again.get("decided")).isEmpty();
        assertThat(again.at("/rejected/0/reason").asText()).startsWith("already accepted on this content by admin");

        // a new version is screened afresh: the decision no longer holds, the parcel waits again
        feed(outbound("RQ5BAD1", "2024-05-04", "330106"));
        close("2024-05");
        assertThat(status("shipment", bad)).isEqualTo("SUSPECT");
        assertThat(figure("2024-05").get("value").asText()).isEqualTo("1");
        assertThat(figure("2024-05").get("revision").asInt()).isEqualTo(3);
        JsonNode changed = get("/api/v1/records/shipment/" + bad);
        assertThat(changed.at("/decisions/0/holds").asBoolean()).isFalse();
        assertThat(get("/api/v1/review/suspects?period=2024-05&rule=" + SHAPE).get("items")).anySatisfy(i -> {
            assertThat(i.get("key").asText()).isEqualTo(bad);
            assertThat(i.at("/decision/holds").asBoolean()).isFalse();
        });
    }

    @Test
    void aRejectionByRuleAndSubjectKeepsTheSuspectsOutAndLeavesTheFigure() {
        feed(outbound("75240600000001", "2024-06-03", "440106"), outbound("RQ6BAD1", "2024-06-04", "440106"),
                outbound("RQ6BAD2", "2024-06-05", "440106"));
        close("2024-06");
        JsonNode before = figure("2024-06");
        assertThat(before.get("value").asText()).isEqualTo("1");

        JsonNode reply = decide("""
            {"decision": "reject", "reason": "空单刷量", "rule": "%s", "subject": "%s", "period": "2024-06"}"""
                .formatted(SHAPE, ZTO_COMPANY));
        assertThat(reply.get("decided")).extracting(d -> d.get("key").asText())
                .containsExactly("ZTO:RQ6BAD1", "ZTO:RQ6BAD2");
        assertThat(reply.get("reclosed")).extracting(c -> c.get("period").asText()).containsExactly("2024-06");

        for (String key : List.of("ZTO:RQ6BAD1", "ZTO:RQ6BAD2")) {
            assertThat(status("shipment", key)).isEqualTo("REJECTED");
            JsonNode record = get("/api/v1/records/shipment/" + key);
            assertThat(record.at("/decisions/0/decision").asText()).isEqualTo("reject");
            assertThat(record.at("/decisions/0/via/rule").asText()).isEqualTo(SHAPE);
            assertThat(record.at("/decisions/0/via/period").asText()).isEqualTo("2024-06");
            assertThat(record.get("reasons")).anySatisfy(r -> assertThat(r.asText()).contains("rejected by admin")
                    .contains("空单刷量"));
        }
        // the value and the keys it counts stay; only the evidence's counts by status move (docs/figures.md)
        JsonNode figure = figure("2024-06");
        assertThat(figure.get("value").asText()).isEqualTo("1");
        assertThat(figure.at("/evidence/counted").asInt()).isEqualTo(1);
        assertThat(figure.at("/evidence/digest").asText()).isEqualTo(before.at("/evidence/digest").asText());
        assertThat(figure.at("/evidence/suspect").asInt()).isEqualTo(before.at("/evidence/suspect").asInt() - 2);
        assertThat(figure.at("/evidence/rejected").asInt()).isEqualTo(before.at("/evidence/rejected").asInt() + 2);
        assertThat(get("/api/v1/review/suspects?period=2024-06").get("total").asLong()).isZero();
    }

    @Test
    void recordsThatCannotTakeTheDecisionAreListedWithTheReasonAndTheOthersDecided() {
        feed(outbound("75240700000001", "2024-07-03", "440106"), outbound("RQ7BAD1", "2024-07-04", "440106"));
        close("2024-07");

        JsonNode reply = decide("""
            {"decision": "accept", "reason": "核实无误", "records": [
              {"kind": "shipment", "key": "ZTO:RQ7NOSUCH"},
              {"kind": "shipment", "key": "ZTO:75240700000001"},
              {"kind": "parcel", "key": "ZTO:RQ7BAD1"},
              {"kind": "shipment"},
              "ZTO:RQ7BAD1",
              {"kind": "shipment", "key": "ＺＴＯ:ＲＱ７ＢＡＤ１"},
              {"kind": "shipment", "key": "ZTO:RQ7BAD1"}
            ]}""");
        assertThat(reply.get("decided")).extracting(d -> d.get("key").asText()).containsExactly("ZTO:RQ7BAD1");
        List<String> reasons = new ArrayList<>();
        reply.get("rejected").forEach(r -> reasons.add(r.get("index").asInt() + " " + r.get("reason").asText()));
        assertThat(reasons).satisfiesExactly(
                r -> assertThat(r).startsWith("0 no shipment 'ZTO:RQ7NOSUCH'"),
                r -> assertThat(r).startsWith("1 not flagged").contains("VERIFIED"),
                r -> assertThat(r).startsWith("2 kind: unknown record kind 'parcel'"),
                r -> assertThat(r).startsWith("3 key: missing"),
                r -> assertThat(r).startsWith("4 not a JSON object"),
                r -> assertThat(r).startsWith("6 listed more than once"));
        assertThat(status("shipment", "ZTO:RQ7BAD1")).isEqualTo("VERIFIED");
        assertThat(figure("2024-07").get("value").asText()).isEqualTo("2");
    }

    @Test
    void badRequestsAreRefusedWithTheirReasons() {
        assertBadRequest(gateway.get("/api/v1/review/suspects?period=2024-13", Tokens.ADMIN), "period: ");
        assertBadRequest(gateway.get("/api/v1/review/suspects?kind=parcel&size=0&page=x", Tokens.ADMIN),
                "kind: unknown record kind 'parcel'", "size: '0' is not a whole number from 1 to 1000",
                "page: 'x' is not a whole number");
        assertBadRequest(gateway.get("/api/v1/review/suspects?rule=" + encode("Waybill Shape"), Tokens.ADMIN),
                "rule: 'Waybill Shape' is not a rule id");
        assertBadRequest(gateway.get("/api/v1/review/rules?period=May", Tokens.ADMIN), "period: ");

        assertBadRequest(post("{\"decision\": \"maybe\", \"records\": [{\"kind\": \"shipment\", \"key\": \"ZTO:X\"}]}"),
                "decision: \"maybe\" is neither accept nor reject", "reason: missing");
        assertBadRequest(post("{\"decision\": \"accept\", \"reason\": \"" + "长".repeat(501)
                + "\", \"records\": [{\"kind\": \"shipment\", \"key\": \"ZTO:X\"}]}"), "reason: longer than 500 characters");
        assertBadRequest(post("{\"decision\": \"accept\", \"reason\": \"   \", \"records\": []}"), "reason: missing",
                "records: must be a non-empty array");
        assertBadRequest(post("{\"decision\": \"reject\", \"reason\": \"x\", \"records\": [{\"kind\": \"shipment\", "
                + "\"key\": \"ZTO:X\"}], \"rule\": \"waybill.shape\"}"), "give either records or a filter");
        assertBadRequest(post("{\"decision\": \"reject\", \"reason\": \"x\", \"subject\": \"" + ZTO_COMPANY + "\"}"),
                "rule: missing", "period: missing");
        assertBadRequest(post("{\"decision\": \"reject\", \"reason\": \"x\", \"rule\": \"waybill.shape\", "
                + "\"period\": \"2024-5\", \"reviewer\": \"me\"}"), "reviewer: unknown field", "period: not a period");
        assertBadRequest(post("{\"decision\": \"reject\", \"reason\": \"x\"}"), "records: missing");
        assertBadRequest(post("[{\"kind\": \"shipment\"}]"), "body must be a JSON object");
        assertBadRequest(post("{\"decision\": "), "body is not valid JSON");
        assertBadRequest(post(""), "body must be a JSON object");
    }

    @Test
    void readersAndFeedersMayNotReview() {
        String body = "{\"decision\": \"accept\", \"reason\": \"x\", \"rule\": \"waybill.shape\", \"period\": \"2024-05\"}";
        for (String token : List.of(Tokens.READER, Tokens.FEEDER)) {
            assertThat(gateway.get("/api/v1/review/suspects", token).status()).isEqualTo(403);
            assertThat(gateway.get("/api/v1/review/rules", token).status()).isEqualTo(403);
            GatewayClient.Reply post = gateway.postJson("/api/v1/review/decisions", token, body);
            assertThat(post.status()).isEqualTo(403);
            assertThat(post.json().get("status").asInt()).isEqualTo(403);
        }
        assertThat(gateway.get("/api/v1/review/suspects", null).status()).isEqualTo(401);
    }

    // ---- helpers ----

    private static String outbound(String waybill, String day, String dest) {
        String delivered = waybill.contains("BAD") ? ", \"deliveredAt\": \"" + day + "T08:00:00+08:00\"" : "";
        return """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "%s", "collectedAt": "%sT18:00:00+08:00",
             "originSite": "CJ-ZTO-01", "destRegion": "%s"%s}""".formatted(waybill, day, dest, delivered);
    }

    private void feed(String... records) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER,
                "[" + String.join(",", records) + "]");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().get("rejected")).as(reply.body()).isEmpty();
    }

    private void close(String period) {
        GatewayClient.Reply close = gateway.postJson("/api/v1/periods/" + period + "/close", Tokens.ADMIN, "");
        assertThat(close.status()).as(close.body()).isEqualTo(200);
    }

    private JsonNode get(String path) {
        GatewayClient.Reply reply = gateway.get(path, Tokens.ADMIN);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private GatewayClient.Reply post(String body) {
        return gateway.postJson("/api/v1/review/decisions", Tokens.ADMIN, body);
    }

    private JsonNode decide(String body) {
        GatewayClient.Reply reply = post(body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private String status(String kind, String key) {
        return get("/api/v1/records/" + kind + "/" + key).get("status").asText();
    }

    private JsonNode figure(String period) {
        JsonNode found = get("/api/v1/figures?period=" + period + "&subject=" + ZTO_COMPANY + "&metric=PARCELS_OUTBOUND");
        assertThat(found).as(found.toString()).hasSize(1);
        return found.get(0);
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode r : rules.get("rules")) {
            if (r.get("rule").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id + " in " + rules);
    }

    /** The queued figure batches of the period, bodies parsed. */
    private List<JsonNode> figureBatches(String period) throws Exception {
        List<JsonNode> batches = new ArrayList<>();
        for (JsonNode d : get("/api/v1/deliveries?withBody=true&limit=10000")) {
            if (d.get("period").asText().equals(period) && d.get("kind").asText().equals("FIGURES")) {
                batches.add(json.readTree(d.get("body").asText()));
            }
        }
        return batches;
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static void assertBadRequest(GatewayClient.Reply reply, String... reasons) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains(reasons);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
