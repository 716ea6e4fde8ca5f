package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardRecordParserTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final StandardRecordParser parser = new StandardRecordParser(Map.of("USD", new BigDecimal("7.1000")));
    private final Instant arrival = Instant.parse("2026-11-21T00:00:00Z");

    private Object parse(String text) throws Exception {
        return parser.parse(BodyRecord.of(0, (ObjectNode) json.readTree(text), text), arrival);
    }

    @Test
    void amountsStayExactFromJsonNumbersAndStrings() throws Exception {
        ParsedRecord r = (ParsedRecord) parse("""
            {"kind": "order", "platform": "PDD", "orderId": "1", "shopId": "s", "channel": "C2C", "status": "PAID",
             "paidAt": "2026-10-01T08:00:00+08:00", "amount": 0.1, "refundedAmount": "0.10"}""");
        assertThat(r.order().amount()).isEqualByComparingTo("0.10");
        assertThat(r.order().netAmount()).isEqualByComparingTo("0.00");
        assertThat(r.order().counts()).isFalse();
        assertThat(r.order().updatedAt()).isEqualTo(arrival);
    }

    @Test
    void foreignCurrencyIsConvertedAtTheConfiguredRateAndTheRateIsKept() throws Exception {
        ParsedRecord r = (ParsedRecord) parse("""
            {"kind": "order", "platform": "AMAZON", "orderId": "A1", "shopId": "s", "channel": "B2C", "status": "PAID",
             "paidAt": "2026-10-01T08:00:00+08:00", "amount": "10.01", "currency": "usd"}""");
        assertThat(r.order().amount()).isEqualByComparingTo("71.07");
        assertThat(r.order().fxRate()).isEqualByComparingTo("7.1");
        assertThat(r.order().currency()).isEqualTo("USD");
        Rejection unknown = (Rejection) parse("""
            {"kind": "order", "platform": "AMAZON", "orderId": "A2", "shopId": "s", "channel": "B2C", "status": "PAID",
             "paidAt": "2026-10-01T08:00:00+08:00", "amount": "10.01", "currency": "EUR"}""");
        assertThat(unknown.reason()).contains("no rate configured for EUR");
    }

    @Test
    void everyProblemOfARecordIsNamedAtOnce() throws Exception {
        Rejection r = (Rejection) parse("""
            {"kind": "order", "platform": "EBAY", "shopId": "s", "channel": "B2C", "status": "PAID",
             "amount": "-1", "refundedAmount": "x", "waybills": ["ZTO"], "destCountry": "CHN"}""");
        assertThat(r.reason()).contains("platform: unknown value 'EBAY'", "orderId: missing", "paidAt: missing",
                "amount: must not be negative", "refundedAmount: 'x' is not a decimal amount",
                "waybills: 'ZTO' is not CARRIER:waybillNo", "destCountry: 'CHN' is not an ISO 3166-1 alpha-2");
    }

    @Test
    void aCancelledOrderNeedsNoPaymentTimeAndCountsNothing() throws Exception {
        ParsedRecord r = (ParsedRecord) parse("""
            {"kind": "order", "platform": "JD", "orderId": "C1", "shopId": "s", "channel": "B2C", "status": "CANCELLED",
             "amount": "30.00"}""");
        assertThat(r.order().paidAt()).isNull();
        assertThat(r.order().counts()).isFalse();
    }

    @Test
    void referencesAreNormalisedSoBothDirectionsOfALinkMatch() throws Exception {
        ParsedRecord s = (ParsedRecord) parse("""
            {"kind": "shipment", "carrier": "zto", "waybillNo": "abc123", "collectedAt": "2026-10-01T08:00:00Z",
             "originSite": "S1", "destCountry": "my", "orderRef": "taobao:998"}""");
        assertThat(s.shipment().naturalKey()).isEqualTo("ZTO:ABC123");
        assertThat(s.shipment().orderRef()).isEqualTo("TAOBAO:998");
        assertThat(s.shipment().destCountry()).isEqualTo("MY");
    }
}
