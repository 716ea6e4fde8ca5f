package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.RefundStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fields fraud detection reads (docs/records.md): trace events, payment method, the platform's refund
 * status, receiver hash and parcel count. Optional, typed exactly, and every bad value named with its place.
 */
class RecordDetailFieldsTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final StandardRecordParser parser = new StandardRecordParser(Map.of());
    private final Instant arrival = Instant.parse("2026-11-21T00:00:00Z");

    private static final String SHIPMENT = """
        {"kind": "shipment", "carrier": "ZTO", "waybillNo": "7531", "collectedAt": "2026-11-01T08:00:00+08:00",
         "originRegion": "522633", "destRegion": "440106", %s}""";
    private static final String ORDER = """
        {"kind": "order", "platform": "PDD", "orderId": "P1", "shopId": "pdd-1", "channel": "C2C", "status": "PAID",
         "paidAt": "2026-10-31T20:00:00+08:00", "amount": "19.90", %s}""";

    private Object parse(String text) throws Exception {
        return parser.parse(BodyRecord.of(0, (ObjectNode) json.readTree(text), text), arrival);
    }

    private Shipment shipment(String fields) throws Exception {
        Object r = parse(SHIPMENT.formatted(fields));
        assertThat(r).as("%s", r).isInstanceOf(ParsedRecord.class);
        return ((ParsedRecord) r).shipment();
    }

    private SalesOrder order(String fields) throws Exception {
        Object r = parse(ORDER.formatted(fields));
        assertThat(r).as("%s", r).isInstanceOf(ParsedRecord.class);
        return ((ParsedRecord) r).order();
    }

    private String rejection(String template, String fields) throws Exception {
        Object r = parse(template.formatted(fields));
        assertThat(r).as("%s", r).isInstanceOf(Rejection.class);
        return ((Rejection) r).reason();
    }

    @Test
    void aShipmentCarriesItsScansPaymentMethodAndReceiver() throws Exception {
        Shipment s = shipment("""
            "scans": [{"type": "deliver", "at": "2026-11-03T15:00:00+08:00", "region": "440106", "facility": "广州 天河站"},
                      {"type": "COLLECT", "at": "2026-11-01T08:00:00+08:00", "region": "522633"},
                      {"type": "Depart", "at": "2026-11-01T20:00:00+08:00", "facility": "CJ01"}],
            "paymentMethod": "cod", "receiverHash": "9f2c" """);
        assertThat(s.scans()).containsExactly(
                new Scan(ScanType.COLLECT, Instant.parse("2026-11-01T00:00:00Z"), "522633", null),
                new Scan(ScanType.DEPART, Instant.parse("2026-11-01T12:00:00Z"), null, "CJ01"),
                new Scan(ScanType.DELIVER, Instant.parse("2026-11-03T07:00:00Z"), "440106", "广州 天河站"));
        assertThat(s.scanCount()).isEqualTo(3);
        assertThat(s.paymentMethod()).isEqualTo(PaymentMethod.COD);
        assertThat(s.receiverHash()).isEqualTo("9f2c");
    }

    @Test
    void anOrderCarriesPaymentMethodRefundStatusReceiverAndParcelCount() throws Exception {
        SalesOrder o = order("""
            "paymentMethod": "Online", "refundStatus": "requested", "receiverHash": "r-77", "parcelCount": 2""");
        assertThat(o.paymentMethod()).isEqualTo(PaymentMethod.ONLINE);
        assertThat(o.refundStatus()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(o.receiverHash()).isEqualTo("r-77");
        assertThat(o.parcelCount()).isEqualTo(2);
    }

    @Test
    void withoutTheNewFieldsNothingIsSetAndTheFeedsCountStands() throws Exception {
        Shipment s = shipment("\"traceEvents\": 5");
        assertThat(s.scans()).isEmpty();
        assertThat(s.scanCount()).isEqualTo(5);
        assertThat(s.paymentMethod()).isNull();
        assertThat(s.receiverHash()).isNull();
        SalesOrder o = order("\"buyerHash\": \"b\"");
        assertThat(o.paymentMethod()).isNull();
        assertThat(o.refundStatus()).isNull();
        assertThat(o.receiverHash()).isNull();
        assertThat(o.parcelCount()).isNull();
    }

    @Test
    void scansInAnotherOrderOrRepeatedAreTheSameFactsAndTheSameHash() throws Exception {
        Shipment sorted = shipment("""
            "scans": [{"type": "collect", "at": "2026-11-01T08:00:00+08:00"}, {"type": "arrive", "at": "2026-11-02T08:00:00+08:00"}]""");
        Shipment shuffled = shipment("""
            "scans": [{"type": "ARRIVE", "at": "2026-11-02T00:00:00Z"}, {"type": "collect", "at": "2026-11-01T08:00:00+08:00"},
                      {"type": "arrive", "at": "2026-11-02T08:00:00+08:00"}]""");
        assertThat(shuffled.scans()).isEqualTo(sorted.scans());
        assertThat(CanonicalForm.sha256(CanonicalForm.of(shuffled))).isEqualTo(CanonicalForm.sha256(CanonicalForm.of(sorted)));
    }

    @Test
    void theCanonicalFormNamesEachNewFieldAfterTheOldOnesAndReadsBack() throws Exception {
        Shipment s = shipment("""
            "traceEvents": 2, "scans": [{"type": "collect", "at": "2026-11-01T08:00:00+08:00", "region": "522633"}],
            "paymentMethod": "COD", "receiverHash": "9f2c" """);
        String canonical = CanonicalForm.of(s);
        assertThat(canonical).endsWith("\"traceEvents\":2,\"scans\":[{\"type\":\"COLLECT\",\"at\":\"2026-11-01T00:00:00Z\","
                + "\"region\":\"522633\"}],\"paymentMethod\":\"COD\",\"receiverHash\":\"9f2c\"}");
        Shipment back = CanonicalForm.read(canonical, Shipment.class, null);
        assertThat(back.scans()).isEqualTo(s.scans());
        assertThat(back.paymentMethod()).isEqualTo(PaymentMethod.COD);
        SalesOrder o = order("\"refundStatus\": \"REFUNDED\", \"parcelCount\": 3");
        assertThat(CanonicalForm.of(o)).endsWith("\"refundStatus\":\"REFUNDED\",\"parcelCount\":3}");
        assertThat(CanonicalForm.sha256(CanonicalForm.of(o)))
                .isNotEqualTo(CanonicalForm.sha256(CanonicalForm.of(order("\"refundStatus\": \"NONE\", \"parcelCount\": 3"))));
    }

    @Test
    void scansAsStoredReadBackExactly() throws Exception {
        Shipment s = shipment("""
            "scans": [{"type": "customs", "at": "2026-11-02T08:00:00+08:00", "facility": "黄埔海关"},
                      {"type": "export", "at": "2026-11-02T09:00:00+08:00", "region": "440100"}]""");
        assertThat(CanonicalForm.readScans(CanonicalForm.scans(s.scans()))).isEqualTo(s.scans());
        assertThat(CanonicalForm.scans(List.of())).isNull();
        assertThat(CanonicalForm.readScans(null)).isEmpty();
    }

    @Test
    void eachBadScanIsNamedByItsPlaceInTheList() throws Exception {
        String reason = rejection(SHIPMENT, """
            "scans": [{"type": "collect", "at": "2026-11-01T08:00:00+08:00"}, {"type": "teleport", "at": "2026-11-01T09:00:00+08:00"},
                      {"type": "arrive"}, {"type": "arrive", "at": "2026-11-02 08:00"}, "DELIVER",
                      {"type": "deliver", "at": "2026-11-03T08:00:00+08:00", "region": "4401"},
                      {"type": "deliver", "at": "2026-11-03T08:00:00+08:00", "facility": "%s"},
                      {"type": "depart", "at": 1793520000}]""".formatted("站".repeat(101)));
        assertThat(reason).contains("scans[1].type: unknown value 'teleport' (expected one of [COLLECT, DEPART, ARRIVE, CUSTOMS, "
                        + "EXPORT, OUT_FOR_DELIVERY, DELIVER, RETURN])",
                "scans[2].at: missing",
                "scans[3].at: '2026-11-02 08:00' is not an ISO-8601 date-time with an offset",
                "scans[4]: must be an object {\"type\", \"at\", \"region\", \"facility\"}, got text",
                "scans[5].region: '4401' is not a division code",
                "scans[6].facility: '" + "站".repeat(101) + "' is longer than 100 characters",
                "scans[7].at: must be an ISO-8601 date-time as text, got the number 1793520000");
        assertThat(reason).doesNotContain("scans[0]");
    }

    @Test
    void scanTimesKeepTheWindowEveryOtherTimeKeeps() throws Exception {
        String reason = rejection(SHIPMENT, """
            "scans": [{"type": "collect", "at": "1999-12-31T23:00:00+08:00"}, {"type": "deliver", "at": "2026-11-21T08:30:00+08:00"}]""");
        assertThat(reason).contains("scans[0].at: '1999-12-31T23:00:00+08:00' is before 2000-01-01T00:00+08:00",
                "scans[1].at: '2026-11-21T08:30:00+08:00' is in the future", "(gateway.feeds.max-clock-skew)");
    }

    @Test
    void aScanListThatIsNoListOrTooLongIsRefusedWhole() throws Exception {
        assertThat(rejection(SHIPMENT, "\"scans\": \"COLLECT@2026-11-01T08:00:00+08:00\""))
                .contains("scans: must be a list (a JSON array) of scans");
        String many = "{\"type\": \"arrive\", \"at\": \"2026-11-02T08:00:00+08:00\"},".repeat(201);
        assertThat(rejection(SHIPMENT, "\"scans\": [" + many.substring(0, many.length() - 1) + "]"))
                .contains("scans: 201 scans, more than the 200 one shipment may carry");
    }

    @Test
    void badPaymentRefundReceiverAndParcelValuesAreNamed() throws Exception {
        assertThat(rejection(SHIPMENT, "\"paymentMethod\": \"cash\", \"receiverHash\": \"a b\""))
                .contains("paymentMethod: unknown value 'cash' (expected one of [ONLINE, COD])",
                        "receiverHash: 'a b' contains white space");
        assertThat(rejection(ORDER, """
            "refundStatus": "pending", "parcelCount": 0, "receiverHash": "%s", "paymentMethod": true""".formatted("f".repeat(129))))
                .contains("refundStatus: unknown value 'pending' (expected one of [NONE, REQUESTED, REFUNDED, CLOSED])",
                        "parcelCount: must be at least 1, got 0", "receiverHash: longer than 120 characters", "paymentMethod: must be text, got the boolean true");
        assertThat(rejection(ORDER, "\"parcelCount\": \"2\"")).contains("parcelCount: must be a whole number, got the text '2'");
        assertThat(rejection(ORDER, "\"parcelCount\": -1")).contains("parcelCount: must not be negative, got -1");
    }

    @Test
    void aCsvScansCellIsReadAsTheScansAJsonFeedSends() {
        String csv = "kind,carrier,waybillNo,collectedAt,originRegion,destRegion,scans,paymentMethod\n"
                + "shipment,ZTO,C1,2026-11-01T08:00:00+08:00,522633,440106,"
                + "COLLECT@2026-11-01T08:00:00+08:00@522633; DEPART@2026-11-01T20:00:00+08:00@@CJ01 hub|"
                + "deliver@2026-11-03T15:00:00+08:00@440106@GZ@TH,cod\n"
                + "shipment,ZTO,C2,2026-11-01T08:00:00+08:00,522633,440106,COLLECT@2026-11-01T08:00:00+08:00;ARRIVE,\n";
        List<Object> results = new CsvRecordReader(csv, json).next(10).stream().map(r -> parser.parse(r, arrival)).toList();
        Shipment s = ((ParsedRecord) results.get(0)).shipment();
        assertThat(s.scans()).containsExactly(
                new Scan(ScanType.COLLECT, Instant.parse("2026-11-01T00:00:00Z"), "522633", null),
                new Scan(ScanType.DEPART, Instant.parse("2026-11-01T12:00:00Z"), null, "CJ01 hub"),
                new Scan(ScanType.DELIVER, Instant.parse("2026-11-03T07:00:00Z"), "440106", "GZ@TH"));
        assertThat(s.paymentMethod()).isEqualTo(PaymentMethod.COD);
        assertThat(((Rejection) results.get(1)).reason()).contains("scans[1].at: missing");
    }

    @Test
    void aCsvParcelCountIsAWholeNumber() {
        String csv = "kind,platform,orderId,shopId,channel,status,paidAt,amount,parcelCount,refundStatus\n"
                + "order,PDD,N1,pdd-1,C2C,PAID,2026-10-31T20:00:00+08:00,19.90,2,refunded\n";
        SalesOrder o = ((ParsedRecord) parser.parse(new CsvRecordReader(csv, json).next(1).get(0), arrival)).order();
        assertThat(o.parcelCount()).isEqualTo(2);
        assertThat(o.refundStatus()).isEqualTo(RefundStatus.REFUNDED);
    }
}
