package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records as feeds sent them before trace events, payment method, refund status, receiver and parcel
 * count were carried keep the canonical form and content hash they had: a resend of last month's
 * record is a duplicate, not a new version. The hashes are pinned from the gateway before those fields.
 */
class CanonicalFormStabilityTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final StandardRecordParser parser = new StandardRecordParser(Map.of("USD", new java.math.BigDecimal("7.1")));
    private final Instant arrival = Instant.parse("2026-11-21T00:00:00Z");

    private ParsedRecord parse(String text) throws Exception {
        return (ParsedRecord) parser.parse(BodyRecord.of(0, (ObjectNode) json.readTree(text), text), arrival);
    }

    static final String OLD_SHIPMENT = """
        {"kind": "shipment", "carrier": "ZTO", "waybillNo": "75312345678901", "collectedAt": "2026-11-01T00:30:00+08:00",
         "originRegion": "522633", "originSite": "CJ01", "destRegion": "440106", "deliveredAt": "2026-11-03T15:00:00+08:00",
         "deliveredRegion": "440106", "deliverySite": "GZ-TH", "orderRef": "TAOBAO:3388", "weightGrams": 820,
         "traceEvents": 6, "updatedAt": "2026-11-03T15:05:00+08:00"}""";

    static final String OLD_ORDER = """
        {"kind": "order", "platform": "TAOBAO", "orderId": "3388", "shopId": "cj-4", "merchantId": "91522633MA6XXXXX0X",
         "channel": "C2C", "status": "REFUNDED", "paidAt": "2026-10-31T20:00:00+08:00", "amount": "89.90",
         "refundedAmount": "20.00", "currency": "USD", "waybills": ["ZTO:75312345678901"], "categories": ["local_product"],
         "crossBorder": true, "destCountry": "MY", "buyerHash": "b1f0", "updatedAt": "2026-11-02T09:00:00+08:00"}""";

    @Test
    void anOldShipmentKeepsItsCanonicalFormAndHash() throws Exception {
        String canonical = CanonicalForm.of(parse(OLD_SHIPMENT).shipment());
        assertThat(canonical).isEqualTo("{\"carrier\":\"ZTO\",\"waybillNo\":\"75312345678901\","
                + "\"collectedAt\":\"2026-10-31T16:30:00Z\",\"originRegion\":\"522633\",\"originSite\":\"CJ01\","
                + "\"destRegion\":\"440106\",\"deliveredAt\":\"2026-11-03T07:00:00Z\",\"deliveredRegion\":\"440106\","
                + "\"deliverySite\":\"GZ-TH\",\"orderRef\":\"TAOBAO:3388\",\"weightGrams\":820,\"traceEvents\":6}");
        assertThat(CanonicalForm.sha256(canonical))
                .isEqualTo("c288609fa0c2b3773f263c9ca0d3cbf7ce509d05e3eede46d9c4171e9f3eeee9");
    }

    @Test
    void anOldOrderKeepsItsCanonicalFormAndHash() throws Exception {
        String canonical = CanonicalForm.of(parse(OLD_ORDER).order());
        assertThat(canonical).isEqualTo("{\"platform\":\"TAOBAO\",\"orderId\":\"3388\",\"shopId\":\"cj-4\","
                + "\"merchantId\":\"91522633MA6XXXXX0X\",\"channel\":\"C2C\",\"status\":\"REFUNDED\","
                + "\"paidAt\":\"2026-10-31T12:00:00Z\",\"amount\":638.29,\"refundedAmount\":142.00,\"currency\":\"USD\","
                + "\"fxRate\":7.1,\"waybills\":[\"ZTO:75312345678901\"],\"categories\":[\"LOCAL_PRODUCT\"],"
                + "\"crossBorder\":true,\"destCountry\":\"MY\",\"buyerHash\":\"b1f0\"}");
        assertThat(CanonicalForm.sha256(canonical))
                .isEqualTo("bd89bc2735a2f4acd979743fce0911cb57ba75146ce00c0bdfbcb9af4c1a4ceb");
    }
}
