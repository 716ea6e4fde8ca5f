package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.SalesOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values an attacker (issue 8) fed the intake to have them stored as if they were data: each is
 * refused with a reason naming the field, or taken in its one form, and never reaches the writer in
 * a shape it cannot store.
 */
class HostileRecordsTest {

    /** As the feeds read JSON: exact decimals, never a double. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final StandardRecordParser parser = new StandardRecordParser(Map.of("USD", new BigDecimal("7.1000")),
            RecordLimits.defaults());

    private static final String SHIPMENT = """
        {"kind": "shipment", "carrier": "ZTO", "waybillNo": "731234567890123", "collectedAt": "2026-10-03T18:00:00+08:00",
         "originSite": "CJ-ZTO-01", "destRegion": "440106"}""";
    private static final String ORDER = """
        {"kind": "order", "platform": "TAOBAO", "orderId": "4012345678901234567", "shopId": "tb-58820471",
         "channel": "B2C", "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "59.90"}""";

    private Object parse(ObjectNode fields) {
        return parser.parse(BodyRecord.of(0, fields, fields.toString()), now);
    }

    private ObjectNode shipment() throws Exception {
        return (ObjectNode) json.readTree(SHIPMENT);
    }

    private ObjectNode order() throws Exception {
        return (ObjectNode) json.readTree(ORDER);
    }

    private String rejected(ObjectNode fields) {
        Object result = parse(fields);
        assertThat(result).as("%s", fields).isInstanceOf(Rejection.class);
        return ((Rejection) result).reason();
    }

    private ParsedRecord accepted(ObjectNode fields) {
        Object result = parse(fields);
        assertThat(result).as("%s", result).isInstanceOf(ParsedRecord.class);
        return (ParsedRecord) result;
    }

    @Test
    void theUnalteredRecordsAreAccepted() throws Exception {
        assertThat(accepted(shipment()).shipment().naturalKey()).isEqualTo("ZTO:731234567890123");
        assertThat(accepted(order()).order().amount()).isEqualByComparingTo("59.90");
    }

    // ---- money (point 3)

    @Test
    void anAmountWithAnExponentIsRefusedAsANumberAndAsText() throws Exception {
        ObjectNode number = (ObjectNode) json.readTree(ORDER.replace("\"59.90\"", "1e400"));
        assertThat(rejected(number)).contains("amount: 1E+400 is a number with an exponent");
        ObjectNode text = order().put("amount", "1e3");
        assertThat(rejected(text)).contains("amount: '1e3' is not a decimal amount in yuan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999.99", "1000000000.01", "9223372036854775807"})
    void anAmountOverTheMaximumIsRefusedNotOverflowed(String amount) throws Exception {
        assertThat(rejected(order().put("amount", amount)))
                .contains("amount: " + new BigDecimal(amount).setScale(2).toPlainString() + " CNY is more than the most one "
                        + "order may be, 1000000000.00 CNY (gateway.feeds.max-amount)");
        ObjectNode number = (ObjectNode) json.readTree(ORDER.replace("\"59.90\"", amount));
        assertThat(rejected(number)).contains("is more than the most one order may be");
    }

    @Test
    void aConvertedAmountOverTheMaximumIsRefusedInCny() throws Exception {
        ObjectNode usd = order().put("currency", "USD").put("amount", "200000000.00");
        assertThat(rejected(usd)).contains("amount: 1420000000.00 CNY (converted from USD) is more than the most");
        assertThat(accepted(order().put("currency", "USD").put("amount", "100000000.00")).order().amount())
                .isEqualByComparingTo("710000000.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"１２３.００", "1,234.00", "¥12.00", "+12.00", ".50", "12.", "0x1F", "NaN", "Infinity", "12.5e0",
        "١٢٣", "-", "--1", "-.5", "1.2.3", "12.5x", "1-", "12..5"})
    void anAmountNotWrittenAsPlainAsciiDecimalsIsRefused(String amount) throws Exception {
        assertThat(rejected(order().put("amount", amount))).contains("amount: '" + amount + "' is not a decimal amount");
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsOrABinaryFloatIsRefused() throws Exception {
        assertThat(rejected(order().put("amount", "0.100"))).contains("amount: '0.100' has more than two decimals");
        assertThat(rejected(order().put("amount", 59.9d))).contains("amount: 59.9 is a binary floating-point number");
        assertThat(rejected(order().put("amount", true))).contains("amount: must be a decimal amount in yuan");
    }

    // ---- times (point 3 and 4)

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31T00:00:00+08:00", "+10000-01-01T00:00:00Z", "2027-01-01T00:00:00+08:00"})
    void anEventTimeInTheFutureIsRefused(String time) throws Exception {
        assertThat(rejected(shipment().put("collectedAt", time)))
                .contains("collectedAt: '" + time + "' is in the future: later than the gateway's clock 2026-12-03T10:00:00Z "
                        + "plus the 15 minutes a feeder's clock may be ahead (gateway.feeds.max-clock-skew)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "-0001-06-01T00:00:00+08:00", "1999-12-31T23:59:59+08:00",
        "1970-01-01T00:00:00Z"})
    void anEventTimeBeforeTheEarliestIsRefused(String time) throws Exception {
        assertThat(rejected(shipment().put("collectedAt", time)))
                .contains("collectedAt: '" + time + "' is before 2000-01-01T00:00+08:00, the earliest time the gateway "
                        + "takes (gateway.feeds.earliest-time)");
    }

    @Test
    void anUpdatedAtFarAheadCannotPinARecord() throws Exception {
        assertThat(rejected(shipment().put("updatedAt", "9999-12-31T23:59:59Z"))).contains("updatedAt: '9999-12-31T23:59:59Z' "
                + "is in the future");
        assertThat(rejected(order().put("updatedAt", "9999-12-31T23:59:59Z"))).contains("updatedAt:");
        assertThat(rejected(order().put("paidAt", "9999-12-31T23:59:59Z"))).contains("paidAt:");
        assertThat(rejected(shipment().put("deliveredAt", "0001-01-01T00:00:00Z"))).contains("deliveredAt:");
    }

    @Test
    void aFeedersClockAFewMinutesAheadIsForgivenButNotMore() throws Exception {
        assertThat(accepted(shipment().put("updatedAt", "2026-12-03T10:14:59Z")).shipment().updatedAt())
                .isEqualTo(Instant.parse("2026-12-03T10:14:59Z"));
        assertThat(rejected(shipment().put("updatedAt", "2026-12-03T10:15:01Z"))).contains("is in the future");
        StandardRecordParser strict = new StandardRecordParser(Map.of(), new RecordLimits(new BigDecimal("100.00"),
                OffsetDateTime.parse("2026-01-01T00:00:00+08:00"), Duration.ZERO, 64));
        Object late = strict.parse(BodyRecord.of(0, shipment().put("updatedAt", "2026-12-03T10:00:01Z"), null), now);
        assertThat(((Rejection) late).reason()).contains("plus the 0 minutes");
        Object early = strict.parse(BodyRecord.of(0, shipment().put("collectedAt", "2025-12-31T15:59:59Z"), null), now);
        assertThat(((Rejection) early).reason()).contains("is before 2026-01-01T00:00+08:00");
    }

    @Test
    void aTimeInFullWidthDigitsIsNotATime() throws Exception {
        assertThat(rejected(shipment().put("collectedAt", "２０２６-10-03T18:00:00+08:00")))
                .contains("collectedAt: '２０２６-10-03T18:00:00+08:00' is not an ISO-8601 date-time");
        assertThat(rejected(shipment().put("collectedAt", 1759485600))).contains("collectedAt: must be an ISO-8601 "
                + "date-time as text, got the number 1759485600");
    }

    // ---- identifiers (point 4)

    @Test
    void invisibleAndControlCharactersInIdentifiersAreRefusedNamingTheCharacter() throws Exception {
        assertThat(rejected(shipment().put("waybillNo", "7312345\u00006789"))).contains(
                "waybillNo: holds an invisible or control character (U+0000 NULL at character 8); send plain text");
        assertThat(rejected(order().put("shopId", "tb-\u202E17408825"))).contains(
                "shopId: holds an invisible or control character (U+202E RIGHT-TO-LEFT OVERRIDE at character 4)");
        assertThat(rejected(order().put("merchantId", "91350200776049653A\u200B"))).contains(
                "merchantId: holds an invisible or control character (U+200B ZERO WIDTH SPACE at character 19)");
        assertThat(rejected(shipment().put("shipperId", "\u200D91350200776049653A"))).contains("shipperId: holds an invisible");
        assertThat(rejected(shipment().put("originSite", "CJ-ZTO\u202801"))).contains("U+2028 LINE SEPARATOR");
        assertThat(rejected(shipment().put("deliverySite", "CJ\tZTO"))).contains("U+0009");
        assertThat(rejected(order().put("orderId", "40123\uFEFF"))).contains("U+FEFF");
        assertThat(rejected(order().put("buyerHash", "ab\u2066cd"))).contains("U+2066");
        assertThat(rejected(shipment().put("waybillNo", "7312\uFE0F345"))).contains("U+FE0F");
        assertThat(rejected(order().put("shopId", "tb-\uD800x"))).contains("U+D800");
    }

    @Test
    void invisibleCharactersInsideReferencesAndListsAreRefusedToo() throws Exception {
        ObjectNode o = order();
        o.putArray("waybills").add("ZTO:7312\u200B34");
        assertThat(rejected(o)).contains("waybills item 1: holds an invisible or control character (U+200B");
        assertThat(rejected(shipment().put("orderRef", "TAOBAO:4012\u202E345"))).contains("orderRef: holds an invisible");
        assertThat(rejected(shipment().put("carrier", "ZTO\u0000"))).contains("carrier: holds an invisible");
    }

    @Test
    void textGarbledByALossyDecodingUpstreamIsRefused() throws Exception {
        // a connector that decoded bytes leniently leaves U+FFFD where they were: no record is made of that
        assertThat(rejected(order().put("shopId", "\uFFFD\uFFFD店"))).contains(
                "shopId: holds U+FFFD REPLACEMENT CHARACTER at character 1, the mark of bytes that were not valid text");
    }

    @Test
    void fullWidthDigitsMakeTheSameKeyAsAsciiDigits() throws Exception {
        ParsedRecord ascii = accepted(shipment());
        ParsedRecord wide = accepted(shipment().put("waybillNo", "７３１２３４５６７８９０１２３").put("originSite", "ＣＪ－ＺＴＯ－０１"));
        assertThat(wide.shipment().naturalKey()).isEqualTo(ascii.shipment().naturalKey());
        assertThat(wide.shipment()).isEqualTo(ascii.shipment());
        assertThat(CanonicalForm.of(wide.shipment())).isEqualTo(CanonicalForm.of(ascii.shipment()));

        ObjectNode o = order().put("orderId", "４０１２３４５６７８９０１２３４５６７").put("shopId", "ｔｂ－５８８２０４７１");
        o.putArray("waybills").add("zto:７３１２３４５６７８９０１２３").add("ZTO:731234567890123");
        SalesOrder order = accepted(o).order();
        assertThat(order.naturalKey()).isEqualTo("TAOBAO:4012345678901234567");
        assertThat(order.shopId()).isEqualTo("tb-58820471");
        assertThat(order.waybills()).containsExactly("ZTO:731234567890123");
        assertThat(accepted(shipment().put("orderRef", "ｔａｏｂａｏ：４０１２")).shipment().orderRef()).isEqualTo("TAOBAO:4012");
    }

    @Test
    void identifiersAreBoundedAndHoldNoWhiteSpace() throws Exception {
        assertThat(rejected(shipment().put("waybillNo", "7".repeat(10_000)))).contains("waybillNo: longer than 120 characters");
        assertThat(rejected(order().put("orderId", "1".repeat(65)))).contains("orderId: '" + "1".repeat(65)
                + "' is longer than 64 characters");
        assertThat(accepted(order().put("orderId", "1".repeat(64))).order().orderId()).hasSize(64);
        assertThat(rejected(order().put("orderId", "4012 345"))).contains("orderId: '4012 345' contains white space");
        assertThat(rejected(shipment().put("waybillNo", "7312\u3000345"))).contains("contains white space");
        ObjectNode o = order();
        o.putArray("waybills").add("ZTO:" + "7".repeat(70));
        assertThat(rejected(o)).contains("waybills: '" + "7".repeat(70) + "' is longer than 64 characters");
        assertThat(rejected(order().put("buyerHash", "f".repeat(121)))).contains("buyerHash: longer than 120");
        assertThat(accepted(order().put("buyerHash", "f".repeat(100))).order().buyerHash()).hasSize(100);
        assertThat(accepted(order().put("shopId", " 从江  香禾糯\u3000店 ")).order().shopId()).isEqualTo("从江 香禾糯 店");
        for (String field : new String[] {"kind", "carrier", "destRegion", "destCountry", "collectedAt", "orderRef"}) {
            assertThat(rejected(shipment().put(field, "x".repeat(10_000)))).contains(field + ": longer than 120 characters");
        }
    }

    @Test
    void theLimitOfIdentifiersIsASetting() throws Exception {
        StandardRecordParser shortIds = new StandardRecordParser(Map.of(), new RecordLimits(new BigDecimal("100.00"),
                OffsetDateTime.parse("2000-01-01T00:00:00+08:00"), Duration.ofMinutes(15), 12));
        Object result = shortIds.parse(BodyRecord.of(0, shipment(), null), now);
        assertThat(((Rejection) result).reason()).contains("waybillNo: '731234567890123' is longer than 12 characters").doesNotContain("originSite");
    }

    // ---- exact types (point 3)

    @Test
    void aBooleanIsTrueOrFalseAndNothingElse() throws Exception {
        assertThat(accepted(order().put("crossBorder", true)).order().crossBorder()).isTrue();
        assertThat(rejected(order().put("crossBorder", "yes"))).contains("crossBorder: must be true or false, got the text 'yes'");
        assertThat(rejected(order().put("crossBorder", "true"))).contains("got the text 'true'");
        assertThat(rejected(order().put("crossBorder", 1))).contains("crossBorder: must be true or false, got the number 1");
    }

    @Test
    void aListIsAListAndItsItemsAreText() throws Exception {
        assertThat(rejected(order().put("waybills", "ZTO:731234567890123")))
                .contains("waybills: must be a list (a JSON array), got text");
        assertThat(rejected(order().put("categories", "LOCAL_PRODUCT"))).contains("categories: must be a list");
        ObjectNode o = order();
        o.putArray("waybills").add(731234567890123L);
        assertThat(rejected(o)).contains("waybills: item 1 must be text, got the number 731234567890123");
        ObjectNode many = order();
        var items = many.putArray("categories");
        for (int i = 0; i < 60; i++) {
            items.add("CATEGORY_NUMBER_" + i);
        }
        assertThat(rejected(many)).contains("categories: more than 500 characters together");
        ObjectNode huge = order();
        var parcels = huge.putArray("waybills");
        for (int i = 0; i < 1001; i++) {
            parcels.add("ZTO:" + i);
        }
        assertThat(rejected(huge)).contains("waybills: more than 1000 items");
    }

    @Test
    void categoriesAreCodesOfLettersDigitsAndUnderscoresWithinFiveHundredCharactersJoined() throws Exception {
        // 45 codes of 10 characters and one of 5, joined by 45 commas: 500 characters exactly
        ObjectNode atTheLimit = order();
        var codes = atTheLimit.putArray("categories");
        for (int i = 0; i < 45; i++) {
            codes.add("CATEGORY" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        codes.add("lo_12");
        assertThat(accepted(atTheLimit).order().categories()).hasSize(46).last().isEqualTo("LO_12");
        codes.set(45, "lo_123");
        assertThat(rejected(atTheLimit)).contains("categories: more than 500 characters together");
        for (String notACode : new String[] {"1LOCAL", "_LOCAL", "LOCAL-PRODUCT", "LOCAL PRODUCT", "LOCAL_É", "ＬＯＣＡＬ－１"}) {
            ObjectNode o = order();
            o.putArray("categories").add("AGRICULTURAL").add(notACode);
            assertThat(rejected(o)).as(notACode).contains("is not a category code such as LOCAL_PRODUCT");
        }
    }

    @Test
    void aWholeNumberIsAJsonInteger() throws Exception {
        assertThat(accepted(shipment().put("weightGrams", 1200)).shipment().weightGrams()).isEqualTo(1200);
        assertThat(rejected(shipment().put("weightGrams", "1200"))).contains("weightGrams: must be a whole number, got the text '1200'");
        assertThat(rejected(shipment().put("weightGrams", new BigDecimal("1200.5")))).contains("weightGrams: must be a whole number, got 1200.5");
        assertThat(rejected(shipment().put("traceEvents", -1))).contains("traceEvents: must not be negative, got -1");
        assertThat(rejected(shipment().put("traceEvents", 3_000_000_000L))).contains("traceEvents: 3000000000 is more than 2147483647");
        assertThat(rejected(shipment().put("weightGrams", "１２００"))).contains("got the text '１２００'");
    }

    @Test
    void textIsTextAndAnIntegerIdIsTakenAsItsDigits() throws Exception {
        assertThat(accepted(order().put("orderId", 4012345678901234567L)).order().orderId()).isEqualTo("4012345678901234567");
        assertThat(rejected(order().put("orderId", true))).contains("orderId: must be text, got the boolean true");
        assertThat(rejected(order().put("orderId", 4.5d))).contains("orderId: must be text, got the number 4.5");
        ObjectNode o = order();
        o.putObject("shopId").put("id", "x");
        assertThat(rejected(o)).contains("shopId: must be text, got an object");
        assertThat(rejected(order().put("currency", "C\u0000Y"))).contains("currency: holds an invisible");
        assertThat(rejected(order().put("currency", "CNYX"))).contains("currency: 'CNYX' is not an ISO 4217 currency code");
        for (String notACode : new String[] {"CN", "C1Y", "C Y", "ÇNY"}) {
            assertThat(rejected(order().put("currency", notACode))).as(notACode)
                    .contains("currency: '" + notACode + "' is not an ISO 4217 currency code");
        }
        assertThat(accepted(order().put("currency", "cny").put("destCountry", "hk")).order())
                .extracting(SalesOrder::currency, SalesOrder::destCountry).containsExactly("CNY", "HK");
    }

    @Test
    void aRejectionQuotesNoInvisibleCharacterBack() throws Exception {
        String reason = rejected(order().put("amount", "12\u202E34").put("crossBorder", "y\u0000es"));
        assertThat(reason).doesNotContain("\u202E").doesNotContain("\u0000").contains("\\u0000");
    }

    @Test
    void aCurrencyRateThatCannotBeStoredStopsTheGateway() {
        assertThatCode(() -> new StandardRecordParser(Map.of("USD", new BigDecimal("-1")), RecordLimits.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.currency-rates.USD");
        assertThatCode(() -> new StandardRecordParser(Map.of("US DOLLAR", BigDecimal.ONE), RecordLimits.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ISO 4217 currency code");
        assertThatCode(() -> new StandardRecordParser(Map.of("JPY", new BigDecimal("0.0000000000000000000000047")),
                RecordLimits.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 characters");
        assertThat(((ParsedRecord) new StandardRecordParser(Map.of("usd", new BigDecimal("7.1")), RecordLimits.defaults())
                .parse(BodyRecord.of(0, orderNode("usd"), null), now)).order().fxRate()).isEqualByComparingTo("7.1");
    }

    private ObjectNode orderNode(String currency) {
        try {
            return order().put("currency", currency);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
