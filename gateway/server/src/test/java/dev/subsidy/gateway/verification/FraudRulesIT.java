package dev.subsidy.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fraud rules as a close runs them over the store (docs/verification.md): version history read
 * back from {@code record_version} for source trust, the spike baseline aggregated in SQL, findings kept
 * on the record. Real HTTP, the shared gateway's SQLite; its own month (2023-03) and keys.
 */
class FraudRulesIT extends SharedGateway {

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
        GatewayClient.Reply registry = gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN,
                CongjiangFixture.registryJson());
        assertThat(registry.status()).as(registry.body()).isEqualTo(200);
        GatewayClient.Reply connector = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml", """
            id: fr-carrier
            type: http-push
            feederTokenEnv: FR_CARRIER_TOKEN
            """.getBytes(StandardCharsets.UTF_8));
        assertThat(connector.status()).as(connector.body()).isEqualTo(200);
    }

    @Test
    void anExportTurningACarriersInboundParcelIntoAnOutboundOneIsSuspectAndTheCarriersOriginStands() {
        feed("fr-carrier", Tokens.ADMIN, """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "75230300000001", "collectedAt": "2023-03-05T10:00:00+08:00",
             "originRegion": "440106", "destRegion": "522633101", "deliveredAt": "2023-03-07T10:00:00+08:00",
             "deliveredRegion": "522633101", "updatedAt": "2023-03-07T10:00:00+08:00"}""");
        feed("standard", Tokens.FEEDER, """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "75230300000001", "collectedAt": "2023-03-05T10:00:00+08:00",
             "originSite": "CJ-ZTO-01", "destRegion": "440106", "updatedAt": "2023-03-08T10:00:00+08:00"}""");
        close("2023-03");

        JsonNode record = get("/api/v1/records/shipment/ZTO:75230300000001");
        assertThat(record.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(finding(record, "source.conflict")).contains("fr-carrier (a carrier's own feed) says origin 440106 (outside)")
                .contains("standard (a branch or merchant export) says origin 522633100 (inside)")
                .contains("fr-carrier's fact stands");
    }

    @Test
    void aRefundTheSameSourceLaterUndoesIsSuspect() {
        feed("standard", Tokens.FEEDER, order("FR-R1", "REFUNDED", "88.00", "2023-03-10T12:00:00+08:00", null));
        feed("standard", Tokens.FEEDER, order("FR-R1", "COMPLETED", "0", "2023-03-12T12:00:00+08:00", null));
        close("2023-03");

        JsonNode record = get("/api/v1/records/order/TAOBAO:FR-R1");
        assertThat(record.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(finding(record, "source.conflict")).contains("undone by a later version from the same source")
                .contains("refunded 88.00 of 88.00").contains("not refunded (COMPLETED)");
    }

    @Test
    void aSpikeBeforeTheClaimDateMarksItsOrdersWithoutABuyerAndLeavesTheOthers() {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String paid = "2023-03-29T%02d:%02d:00+08:00".formatted(9 + i / 6, (i % 6) * 10);
            orders.add(order("FR-S" + i, "COMPLETED", "0", paid, i < 26 ? "fr-fan-" + i : null));
        }
        feed("standard", Tokens.FEEDER, String.join(",", orders));
        close("2023-03");

        JsonNode fan = get("/api/v1/records/order/TAOBAO:FR-S3");
        assertThat(fan.get("status").asText()).isEqualTo("VERIFIED");
        JsonNode anonymous = get("/api/v1/records/order/TAOBAO:FR-S30");
        assertThat(anonymous.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(finding(anonymous, "volume.baseline-spike")).contains("36 orders at shop TAOBAO:tea-001 on 2023-03-29")
                .contains("this order: no buyer named");
    }

    private static String order(String id, String status, String refunded, String paidAt, String buyer) {
        return """
            {"kind": "order", "platform": "TAOBAO", "orderId": "%s", "shopId": "tea-001", "channel": "B2C",
             "status": "%s", "paidAt": "%s", "amount": "88.00", "refundedAmount": "%s", "updatedAt": "%s"%s}"""
                .formatted(id, status, paidAt, refunded, paidAt, buyer == null ? "" : ", \"buyerHash\": \"" + buyer + "\"");
    }

    private static String finding(JsonNode record, String rule) {
        for (JsonNode f : record.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f.get("reason").asText();
            }
        }
        throw new AssertionError("no finding of " + rule + " in " + record);
    }

    private void feed(String connector, String token, String records) {
        GatewayClient.Reply reply = gateway.postJson("/api/v1/feeds/" + connector + "/records", token, "[" + records + "]");
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
}
