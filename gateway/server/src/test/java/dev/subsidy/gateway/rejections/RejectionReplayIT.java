package dev.subsidy.gateway.rejections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.model.Period;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rejected records as a dead-letter queue, over real HTTP on SQLite: a push connector's mapping
 * rejects records; they are listed with their raw text; a replay before the fix leaves them rejected
 * (and queued again); the administrator fixes the mapping through the API; the replay stores them,
 * each counted once although one was meanwhile sent again; a further replay finds nothing; and the
 * connector's reconciliation for the period adds up.
 */
class RejectionReplayIT extends SharedGateway {

    static final String CONNECTOR = "it-replay-push";
    static final String MAPPING = "it-replay-parcels";

    /** Knows only the code ZTO: a parcel written 中通 is rejected. */
    static final String STRICT = """
        {
          "kind": "shipment",
          "carrier": if (.courier == "ZTO") "ZTO" else error("unknown courier '" + .courier + "'"),
          "waybillNo": .no,
          "collectedAt": "2026-10-03T18:00:00+08:00",
          "originRegion": "522633100",
          "destRegion": "440106"
        }
        """;

    /** The administrator's fix: 中通 is ZTO too. */
    static final String FIXED = STRICT.replace("if (.courier == \"ZTO\")", "if (.courier == \"ZTO\" or .courier == \"中通\")");

    @LocalServerPort
    int port;

    GatewayClient gateway;
    final List<String> added = new ArrayList<>();

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @AfterEach
    void deleteWhatThisTestAdded() {
        added.forEach(id -> gateway.send("DELETE", "/api/v1/connectors/" + id, Tokens.ADMIN, null, null));
    }

    @Test
    void rejectionsOfABrokenMappingAreReplayedAfterItsFixOnceAndCountedOnce() {
        putMapping(STRICT);
        add(CONNECTOR);
        GatewayClient.Reply first = post(CONNECTOR, """
            [{"no": "RPLY0000000001", "courier": "ZTO"},
             {"no": "RPLY0000000002", "courier": "中通"},
             {"no": "RPLY0000000003", "courier": "中通"},
             42]""");
        assertThat(first.json().get("accepted").asInt()).as(first.body()).isOne();
        assertThat(first.json().get("rejected")).hasSize(3);

        // the queue: newest first, with reason, raw text and no replay yet
        JsonNode queue = get("/api/v1/rejections?connector=" + CONNECTOR + "&replayed=false");
        assertThat(queue.get("total").asInt()).isEqualTo(3);
        JsonNode courier = queue.at("/items/0");
        assertThat(courier.get("reason").asText()).isEqualTo("item 2: unknown courier '中通' (mapping it-replay-parcels)");
        assertThat(courier.get("raw").asText()).contains("RPLY0000000002", "中通");
        assertThat(courier.get("origin").asText()).isEqualTo("PUSH");
        assertThat(courier.hasNonNull("replay")).as(courier.toString()).isFalse();
        assertThat(get("/api/v1/rejections?connector=" + CONNECTOR + "&reason=UNKNOWN%20COURIER").get("total").asInt())
                .isEqualTo(2);

        // replayed before the fix: still rejected, and queued again; the unreadable item is not replayable
        JsonNode early = replay("{\"connector\": \"" + CONNECTOR + "\"}");
        assertThat(early.get("replayed").asInt()).isEqualTo(3);
        assertThat(early.get("accepted").asInt()).isZero();
        assertThat(early.get("stillRejectedCount").asInt()).isEqualTo(3);
        assertThat(early.get("stillRejected").findValuesAsText("outcome"))
                .containsExactlyInAnyOrder("STILL_REJECTED", "STILL_REJECTED", "NOT_REPLAYABLE");
        assertThat(early.get("stillRejected").findValuesAsText("reason")).anySatisfy(reason -> assertThat(reason)
                .matches("replay of in-[0-9a-f-]+ #1: unknown courier '中通' \\(mapping it-replay-parcels\\)"));
        assertThat(get("/api/v1/rejections?connector=" + CONNECTOR + "&replayed=false").get("total").asInt()).isEqualTo(2);

        putMapping(FIXED);
        // one of the rejected parcels is sent again meanwhile, and now passes
        GatewayClient.Reply again = post(CONNECTOR, "[{\"no\": \"RPLY0000000002\", \"courier\": \"中通\"}]");
        assertThat(again.json().get("accepted").asInt()).as(again.body()).isOne();

        JsonNode fixed = replay("{\"connector\": \"" + CONNECTOR + "\"}");
        assertThat(fixed.get("replayed").asInt()).as(fixed.toString()).isEqualTo(2);
        assertThat(fixed.get("accepted").asInt()).isOne();
        assertThat(fixed.get("duplicates").asInt()).isOne();
        assertThat(fixed.get("stillRejected")).isEmpty();
        String replayBatch = fixed.get("batch").asText();
        assertThat(replayBatch).startsWith("in-");
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:RPLY0000000003", Tokens.ADMIN).status()).isEqualTo(200);
        JsonNode record = gateway.get("/api/v1/records/shipment/ZTO:RPLY0000000002", Tokens.ADMIN).json();
        assertThat(record.get("versions")).as(record.toString()).hasSize(1);

        // nothing is replayed twice
        JsonNode nothing = replay("{\"connector\": \"" + CONNECTOR + "\"}");
        assertThat(nothing.get("replayed").asInt()).isZero();
        assertThat(nothing.hasNonNull("batch")).as(nothing.toString()).isFalse();

        JsonNode replayed = get("/api/v1/rejections?connector=" + CONNECTOR + "&replayed=true&size=10");
        assertThat(replayed.get("total").asInt()).isEqualTo(5);
        assertThat(replayed.get("items").findValuesAsText("outcome"))
                .containsExactlyInAnyOrder("STORED", "STORED", "STILL_REJECTED", "STILL_REJECTED", "NOT_REPLAYABLE");
        assertThat(replayed.get("items").findValuesAsText("batch")).contains(replayBatch);

        // the period the records arrived in adds up: 5 received, 2 accepted, 3 rejected of which 2 now stored
        Instant receivedAt = Instant.parse(queue.at("/items/0/receivedAt").asText());
        JsonNode period = get("/api/v1/connectors/" + CONNECTOR + "/reconciliation?period=" + Period.monthOf(receivedAt).text());
        assertThat(period.get("source").asText()).isEqualTo("PUSH");
        assertThat(period.get("reported").asInt()).isEqualTo(5);
        assertThat(period.get("received").asInt()).isEqualTo(5);
        assertThat(period.get("accepted").asInt()).isEqualTo(2);
        assertThat(period.get("duplicates").asInt()).isZero();
        assertThat(period.get("rejected").asInt()).isEqualTo(3);
        assertThat(period.at("/replay/replayed").asInt()).isEqualTo(3);
        assertThat(period.at("/replay/stored").asInt()).isEqualTo(2);
        assertThat(period.at("/replay/notReplayable").asInt()).isOne();
        assertThat(period.at("/replay/stillRejected").asInt()).isZero();
        assertThat(period.get("awaitingReplay").asInt()).isZero();
        assertThat(period.get("balanced").asBoolean()).as(period.toString()).isTrue();
        assertThat(period.get("reason").isNull()).isTrue();
    }

    @Test
    void aDeletedConnectorsRejectionsCannotBeReplayedAndSayWhy() {
        putMapping(STRICT);
        add("it-replay-gone");
        assertThat(post("it-replay-gone", "[{\"no\": \"RPLYGONE000001\", \"courier\": \"中通\"}]").json().get("rejected")).hasSize(1);
        assertThat(gateway.send("DELETE", "/api/v1/connectors/it-replay-gone", Tokens.ADMIN, null, null).status()).isEqualTo(200);
        added.remove("it-replay-gone");

        GatewayClient.Reply refused = gateway.postJson("/api/v1/rejections/replay", Tokens.ADMIN, "{\"connector\": \"it-replay-gone\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).startsWith("connector it-replay-gone was deleted");
        // still queued, for when it is added again
        assertThat(get("/api/v1/rejections?connector=it-replay-gone&replayed=false").get("total").asInt()).isOne();
    }

    @Test
    void aReplayOrAListAskedForWronglyIsA400AndAnUnknownConnectorA404() {
        assertThat(error(gateway.postJson("/api/v1/rejections/replay", Tokens.ADMIN, "{}"), 400))
                .isEqualTo("connector is required: the connector whose rejections to replay");
        assertThat(error(gateway.postJson("/api/v1/rejections/replay", Tokens.ADMIN,
                "{\"connector\": \"standard\", \"since\": \"yesterday\"}"), 400)).startsWith("since must be an ISO instant");
        assertThat(error(gateway.postJson("/api/v1/rejections/replay", Tokens.ADMIN,
                "{\"connector\": \"standard\", \"batches\": \"x\"}"), 400)).startsWith("unknown field 'batches'");
        assertThat(error(gateway.postJson("/api/v1/rejections/replay", Tokens.ADMIN, "{\"connector\": \"it-replay-never\"}"), 404))
                .contains("it-replay-never");
        assertThat(error(gateway.get("/api/v1/rejections?replayed=maybe", Tokens.ADMIN), 400))
                .isEqualTo("replayed must be true or false, not 'maybe'");
        assertThat(error(gateway.get("/api/v1/connectors/" + CONNECTOR + "/reconciliation?period=2026-13", Tokens.ADMIN), 400))
                .contains("2026-13");
        assertThat(error(gateway.get("/api/v1/connectors/it-replay-never/reconciliation?period=2026-10", Tokens.ADMIN), 404))
                .contains("it-replay-never");
    }

    private String error(GatewayClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        return reply.json().get("error").asText();
    }

    private void putMapping(String text) {
        GatewayClient.Reply put = gateway.send("PUT", "/api/v1/mappings/" + MAPPING, Tokens.ADMIN, "text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private void add(String id) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/connectors", Tokens.ADMIN, """
            {"id": "%s", "type": "http-push", "mapping": "%s", "feederTokenEnv": "IT_REPLAY_FEEDER"}""".formatted(id, MAPPING));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        added.add(id);
    }

    private GatewayClient.Reply post(String connector, String body) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/feeds/" + connector + "/records", ENVIRONMENT.get("IT_REPLAY_FEEDER"), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply;
    }

    private JsonNode replay(String body) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/rejections/replay", Tokens.ADMIN, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode get(String path) {
        GatewayClient.Reply reply = gateway.get(path, Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
