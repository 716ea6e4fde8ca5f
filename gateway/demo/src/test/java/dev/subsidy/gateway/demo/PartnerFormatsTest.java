package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.signers.ZtoSigner;
import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingResult;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the gateway's own mappings make of the demo's partner formats is what the standard feed would
 * have said, for every field a figure reads: the partner paths may not change a figure. The demo run
 * checks the figures themselves; this finds a difference without starting the gateway, and names it.
 */
class PartnerFormatsTest {

    private static final DemoFeeds FEEDS = MonthOfFeeds.generate();
    private static final MappingCatalog MAPPINGS = load();

    private static MappingCatalog load() {
        try {
            return MappingCatalog.loadClasspath(PartnerFormatsTest.class.getClassLoader(), "mappings");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ztoTracePushesGiveTheSameParcelsAndTheSignedTraceIsTheNewerVersion() throws Exception {
        Mapping zto = MAPPINGS.get("zto-trace-push");
        ZtoTracePushes.Rounds rounds = ZtoTracePushes.of(FEEDS.partners().ztoTraces());
        Map<String, JsonNode> inTransit = mapAll(zto, rounds.inTransit(), Map.of());
        Map<String, JsonNode> signed = mapAll(zto, rounds.signed(), Map.of());

        for (Map<String, Object> parcel : FEEDS.partners().ztoTraces()) {
            String bill = (String) parcel.get("waybillNo");
            JsonNode early = inTransit.get(bill);
            JsonNode last = signed.getOrDefault(bill, early);
            assertThat(early).as(bill).isNotNull();
            assertThat(early.has("deliveredAt")).as(bill + " in transit").isFalse();
            for (String field : List.of("carrier", "waybillNo", "collectedAt", "originSite", "deliveredAt")) {
                assertThat(last.path(field).asText(null)).as(bill + " " + field).isEqualTo(parcel.get(field));
            }
            // ZTO names cities, not districts (上海市 is a province-level city): the same place, outside the county
            assertThat(last.path("destRegion").asText()).as(bill)
                    .startsWith(((String) parcel.get("destRegion")).substring(0, 2)).doesNotStartWith(CongjiangRegistry.COUNTY);
            assertThat(last.path("updatedAt").asText()).isGreaterThanOrEqualTo(early.path("updatedAt").asText());
            if (parcel.containsKey("deliveredAt")) {
                assertThat(last.path("updatedAt").asText()).as(bill).isGreaterThan(early.path("updatedAt").asText());
            }
        }
        assertThat(signed).hasSizeLessThan(inTransit.size()).isNotEmpty();
    }

    @Test
    void eachPushHoldsSeveralWaybillsWithTheirEventsOutOfOrder() throws Exception {
        ZtoTracePushes.Push push = ZtoTracePushes.of(FEEDS.partners().ztoTraces()).signed().get(0);
        JsonNode events = MarketSimulator.JSON.readTree(push.body()).path("data");
        assertThat(push.waybills()).isEqualTo(ZtoTracePushes.WAYBILLS_PER_PUSH);
        assertThat(events.size()).isEqualTo(push.events()).isEqualTo(7 * push.waybills());
        List<String> times = new ArrayList<>();
        events.forEach(e -> times.add(e.path("actionTime").asText()));
        assertThat(times).isNotEqualTo(times.stream().sorted().toList());
        assertThat(events.get(0).fieldNames()).toIterable()
                .containsExactly("billCode", "action", "actionTime", "city", "facilityCode", "facilityName");
    }

    @Test
    void thePushesAreSignedAsTheGatewaysZtoSignerSignsThem() {
        ZtoTracePushes.Push push = ZtoTracePushes.of(FEEDS.partners().ztoTraces()).inTransit().get(0);
        String signer = new ZtoSigner().sign(SignableRequest.builder()
                .body(new String(push.body(), StandardCharsets.UTF_8)).secret("app-secret-1").build())
                .headers().get("x-dataDigest");
        assertThat(push.digest("app-secret-1")).isEqualTo(signer).isNotEqualTo(push.digest("app-secret-2"));
    }

    @Test
    void theJtExportIsGbkNotUtf8SoTheFileConnectorMustDetectIt() {
        byte[] bytes = JtBranchExport.of(FEEDS.partners().jtExport()).bytes();
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(new String(bytes, FeedEncoder.GBK)).contains("揽收网点", "拼多多");
    }

    @Test
    void theJtExportsRowsGiveTheSameParcelsAndTheBrokenRowItsReason() {
        JtBranchExport.Export export = JtBranchExport.of(FEEDS.partners().jtExport());
        List<String> lines = new String(export.bytes(), FeedEncoder.GBK).lines().toList();
        assertThat(lines.get(0)).isEqualTo(JtBranchExport.TITLE);
        List<String> header = List.of(lines.get(1).split(",", -1));
        assertThat(header).isEqualTo(JtBranchExport.HEADER);
        assertThat(lines).hasSize(2 + export.rows());

        Mapping csv = MAPPINGS.get("standard-csv");
        Map<String, Map<String, Object>> expected = new HashMap<>();
        FEEDS.partners().jtExport().forEach(p -> expected.put((String) p.get("waybillNo"), p));
        List<String> rejected = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            MappingResult result = csv.apply(SourceRecord.fields("row " + (i + 1), row), Map.of("carrier", "极兔"));
            if (result instanceof MappingResult.Rejected r) {
                rejected.add(r.position() + ": " + r.reason());
                continue;
            }
            JsonNode mapped = ((MappingResult.Mapped) result).records().get(0);
            Map<String, Object> parcel = expected.remove(mapped.path("waybillNo").asText());
            assertThat(parcel).as(mapped.toString()).isNotNull();
            for (String field : List.of("carrier", "collectedAt", "originSite", "destRegion", "deliveredAt", "orderRef",
                    "shipperId")) {
                assertThat(mapped.path(field).asText(null)).as(parcel.get("waybillNo") + " " + field)
                        .isEqualTo(parcel.get(field));
            }
            assertThat(mapped.path("weightGrams").asLong()).isEqualTo(((Number) parcel.get("weightGrams")).longValue());
        }
        assertThat(expected).isEmpty();
        assertThat(rejected).containsExactly("row " + (JtBranchExport.BROKEN_ROW + 3) + ": empty: 揽收网点");
    }

    @Test
    void taobaoTradesGiveTheSameOrdersWithMoneyExact() {
        Mapping taobao = MAPPINGS.get("taobao-trades");
        for (Map<String, Object> order : FEEDS.partners().taobaoTrades()) {
            ObjectNode trade = TaobaoTrades.of(order);
            assertThat(trade.path("payment").isTextual()).isTrue();
            JsonNode mapped = mapOne(taobao, trade, Map.of("platform", "TAOBAO", "channel", "B2C"));
            assertSameOrder(order, mapped);
        }
        assertThat(FEEDS.partners().taobaoTrades()).anySatisfy(o -> assertThat(o.get("status")).isEqualTo("REFUNDED"));
    }

    @Test
    void severalParcelsSplitATradesPaymentToTheFen() {
        Map<String, Object> order = new LinkedHashMap<>(FEEDS.partners().taobaoTrades().get(0));
        order.put("amount", "100.00");
        order.put("waybills", List.of("ZTO:75000000000001", "ZTO:75000000000002", "SF:SF1000000000001"));
        ObjectNode trade = TaobaoTrades.of(order);
        List<String> payments = new ArrayList<>();
        trade.path("orders").path("order").forEach(o -> payments.add(o.path("payment").asText()));
        assertThat(payments).containsExactly("33.33", "33.33", "33.34");
        assertSameOrder(order, mapOne(MAPPINGS.get("taobao-trades"), trade, Map.of("platform", "TAOBAO", "channel", "B2C")));
    }

    @Test
    void douyinOrdersGiveTheSameOrdersFromFenAndUnixSeconds() {
        Mapping douyin = MAPPINGS.get("douyin-orders");
        for (Map<String, Object> order : FEEDS.partners().douyinOrders()) {
            ObjectNode native_ = DouyinShopOrders.of(order);
            assertThat(native_.path("pay_amount").isIntegralNumber()).isTrue();
            assertThat(native_.path("update_time").isIntegralNumber()).isTrue();
            assertSameOrder(order, mapOne(douyin, native_, Map.of("channel", "B2C")));
        }
    }

    private static void assertSameOrder(Map<String, Object> order, JsonNode mapped) {
        String key = order.get("platform") + ":" + order.get("orderId");
        for (String field : List.of("platform", "orderId", "shopId", "channel", "status", "paidAt", "amount",
                "refundedAmount", "updatedAt")) {
            assertThat(mapped.path(field).asText(null)).as(key + " " + field).isEqualTo(order.get(field));
        }
        List<?> waybills = (List<?>) order.getOrDefault("waybills", List.of());
        List<String> mappedWaybills = new ArrayList<>();
        mapped.path("waybills").forEach(w -> mappedWaybills.add(w.asText()));
        assertThat(new TreeSet<>(mappedWaybills)).as(key + " waybills").isEqualTo(new TreeSet<>(waybills));
        assertThat(mapped.has("categories")).isFalse();
    }

    private static JsonNode mapOne(Mapping mapping, ObjectNode input, Map<String, String> params) {
        MappingResult result = mapping.apply(SourceRecord.json("item", input.toString()), params);
        assertThat(result).as(input.toString()).isInstanceOf(MappingResult.Mapped.class);
        List<ObjectNode> records = ((MappingResult.Mapped) result).records();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** Every push through the mapping; the newest version of each waybill by updatedAt. */
    private static Map<String, JsonNode> mapAll(Mapping mapping, List<ZtoTracePushes.Push> pushes,
                                                Map<String, String> params) throws Exception {
        Map<String, JsonNode> byWaybill = new HashMap<>();
        for (ZtoTracePushes.Push push : pushes) {
            MappingResult result = mapping.apply(SourceRecord.json(push.label(),
                    new String(push.body(), StandardCharsets.UTF_8)), params);
            assertThat(result).as(push.label()).isInstanceOf(MappingResult.Mapped.class);
            List<ObjectNode> records = ((MappingResult.Mapped) result).records();
            assertThat(records).hasSize(push.waybills());
            records.forEach(r -> byWaybill.merge(r.path("waybillNo").asText(), r,
                    (a, b) -> a.path("updatedAt").asText().compareTo(b.path("updatedAt").asText()) >= 0 ? a : b));
        }
        return byWaybill;
    }
}
