package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.model.CreditCode;
import dev.subsidy.model.Platform;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo's registry and month of feeds: reproducible, realistic, and holding every case the demo shows. */
class DemoScenarioTest {

    private static final DemoFeeds FEEDS = MonthOfFeeds.generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameSeedGivesTheSameBytes() {
        DemoFeeds again = MonthOfFeeds.generate();
        List<FeedPost> first = all(FEEDS);
        List<FeedPost> second = all(again);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).body()).as(first.get(i).source()).isEqualTo(first.get(i).body());
        }
        assertThat(again.expected()).isEqualTo(FEEDS.expected());
        assertThat(again.special()).isEqualTo(FEEDS.special());
        assertThat(again.partners()).isEqualTo(FEEDS.partners());
        assertThat(JtBranchExport.of(again.partners().jtExport()).bytes())
                .isEqualTo(JtBranchExport.of(FEEDS.partners().jtExport()).bytes());
        List<byte[]> pushes = ZtoTracePushes.of(FEEDS.partners().ztoTraces()).signed().stream()
                .map(ZtoTracePushes.Push::body).toList();
        assertThat(ZtoTracePushes.of(again.partners().ztoTraces()).signed().stream().map(ZtoTracePushes.Push::body))
                .containsExactlyElementsOf(pushes);
    }

    @Test
    void thePartnersCarryPartOfTheMonthNotACopyOfIt() {
        PartnerFeeds partners = FEEDS.partners();
        assertThat(partners.ztoTraces()).hasSizeBetween(200, 1_000)
                .allSatisfy(p -> assertThat(p).containsEntry("carrier", "ZTO").doesNotContainKey("orderRef")
                        .extractingByKey("originSite").asString().startsWith("CJ-ZTO-"));
        assertThat(partners.jtExport()).hasSizeGreaterThan(200)
                .allSatisfy(p -> assertThat(p).containsEntry("carrier", "JT").containsEntry("originSite", "CJ-JT-01"));
        assertThat(partners.taobaoTrades()).hasSizeGreaterThan(200).allSatisfy(o -> assertThat(o)
                .containsEntry("shopId", CongjiangRegistry.TEA.shop(Platform.TAOBAO).shopId()));
        assertThat(partners.douyinOrders()).hasSizeGreaterThan(200).allSatisfy(o -> assertThat(o)
                .containsEntry("shopId", CongjiangRegistry.TEA.shop(Platform.DOUYIN).shopId()));

        Set<String> standard = new HashSet<>();
        all(FEEDS).forEach(p -> p.records().forEach(r -> standard.add(key(r))));
        Stream.of(partners.ztoTraces(), partners.jtExport(), partners.taobaoTrades(), partners.douyinOrders())
                .flatMap(List::stream).forEach(r -> assertThat(standard).as("moved, not copied").doesNotContain(key(r)));
        // the tea shop's parcels ZTO pushes are named by its orders the marketplaces list
        Set<Object> named = new HashSet<>();
        Stream.concat(partners.taobaoTrades().stream(), partners.douyinOrders().stream())
                .forEach(o -> named.addAll((List<?>) o.getOrDefault("waybills", List.of())));
        assertThat(partners.ztoTraces()).allSatisfy(p -> assertThat(named).contains("ZTO:" + p.get("waybillNo")));
    }

    @Test
    void aMonthOfSeveralThousandRecordsInEveryBodyShape() {
        int records = all(FEEDS).stream().mapToInt(p -> p.records().size()).sum();
        assertThat(records).isBetween(10_000, 40_000);
        assertThat(all(FEEDS)).extracting(FeedPost::format)
                .contains(FeedPost.Format.JSON_ARRAY, FeedPost.Format.NDJSON, FeedPost.Format.CSV_GBK);
        assertThat(FEEDS.beforeClose()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(FEEDS.afterClose()).isNotEmpty();
    }

    @Test
    void theCsvIsGbkAndNotUtf8SoTheGatewayMustDetectIt() {
        FeedPost csv = all(FEEDS).stream().filter(p -> p.format() == FeedPost.Format.CSV_GBK).findFirst().orElseThrow();
        byte[] body = csv.body();
        assertThat(new String(body, FeedEncoder.GBK)).startsWith("kind,").contains("西山腊肉坊");
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(csv.format().contentType).isEqualTo("text/csv");
    }

    @Test
    void ztoShipsEnoughLocalProductsForTheCongjiangParcelSubsidy() {
        // cj-express-parcel pays from 5,000 parcels a year: the demo's October alone crosses it
        assertThat(FEEDS.expected().ztoLocalProducts()).isGreaterThan(5_000).isLessThan(10_000);
        assertThat(FEEDS.expected().ztoOutbound()).isGreaterThan(FEEDS.expected().ztoLocalProducts());
        long ztoOctoberOutbound = Stream.concat(records(FEEDS.beforeClose().get(0)).stream(),
                        FEEDS.partners().ztoTraces().stream())
                .filter(r -> "ZTO".equals(r.get("carrier")) && r.get("destRegion") != null
                        && !((String) r.get("destRegion")).startsWith(CongjiangRegistry.COUNTY)
                        && !r.containsKey("deliverySite") && ((String) r.get("collectedAt")).startsWith("2026-10-")
                        && !((String) r.get("collectedAt")).contains(" ")
                        && !"520102".equals(r.get("originRegion")))
                .count();
        assertThat(ztoOctoberOutbound).isEqualTo(FEEDS.expected().ztoOutbound());
    }

    @Test
    void theRiceMerchantSellsEnoughForTheShopAward() {
        // cj-shop: ≥ 1,000 orders and ≥ 200,000 CNY in a year
        assertThat(FEEDS.expected().riceOrders()).isGreaterThanOrEqualTo(1_000);
        assertThat(FEEDS.expected().riceSales()).isGreaterThan(new BigDecimal("200000.00"));
        assertThat(FEEDS.expected().riceSalesBeforeRefund().subtract(FEEDS.expected().riceSales()))
                .isEqualByComparingTo("168.00");
    }

    @Test
    void aParcelCollectedAtHalfPastMidnightOnTheFirstOfNovember() {
        Map<String, Object> parcel = shipment(FEEDS.special().novemberParcel());
        assertThat(parcel.get("collectedAt")).isEqualTo("2026-11-01T00:30:00+08:00");
        assertThat(parcel.get("orderRef")).isNotNull();
        Map<String, Object> order = order((String) parcel.get("orderRef"));
        assertThat((String) order.get("paidAt")).startsWith("2026-10-31T23:");
    }

    @Test
    void aPartialRefundArrivesAsASecondVersionAfterTheClose() {
        String key = FEEDS.special().partlyRefundedOrder();
        Map<String, Object> first = order(key);
        Map<String, Object> late = FEEDS.afterClose().get(0).records().stream()
                .filter(r -> key.equals(r.get("platform") + ":" + r.get("orderId"))).findFirst().orElseThrow();
        assertThat(first.get("status")).isEqualTo("COMPLETED");
        assertThat(late.get("status")).isEqualTo("REFUNDED");
        assertThat(new BigDecimal((String) late.get("refundedAmount")))
                .isPositive().isLessThan(new BigDecimal((String) late.get("amount")));
        assertThat((String) late.get("updatedAt")).isGreaterThan((String) first.get("updatedAt"));
    }

    @Test
    void cancelledAndFullyRefundedOrders() {
        assertThat(order(FEEDS.special().cancelledOrder()).get("status")).isEqualTo("CANCELLED");
        Map<String, Object> refunded = order(FEEDS.special().fullyRefundedOrder());
        assertThat(refunded.get("refundedAmount")).isEqualTo(refunded.get("amount"));
        assertThat(refunded.get("waybills")).asList().hasSize(1);
    }

    @Test
    void crossBorderParcelsGoAbroadWithTheirOrders() {
        assertThat(FEEDS.special().crossBorderParcels()).hasSize(FEEDS.expected().crossBorderParcels());
        for (String key : FEEDS.special().crossBorderParcels()) {
            Map<String, Object> parcel = shipment(key);
            assertThat(parcel.get("destCountry")).isIn("MY", "SG", "TH");
            assertThat(key).matches("EMS:EA\\d{9}CN");
            assertThat(orders().filter(o -> Objects.equals(o.get("crossBorder"), true)
                    && ((List<?>) o.getOrDefault("waybills", List.of())).contains(key))).hasSize(1);
        }
        assertThat(shipment(FEEDS.special().crossBorderParcels().get(0)).get("destCountry")).isEqualTo("MY");
    }

    @Test
    void inboundParcelsAndParcelsWithoutOrders() {
        long inbound = shipments().filter(s -> s.containsKey("deliverySite")
                && !((String) s.get("originRegion")).startsWith(CongjiangRegistry.COUNTY)).count();
        assertThat(inbound).isGreaterThan(1_000);
        assertThat(FEEDS.special().inboundFromSeptember()).isNotEmpty()
                .allSatisfy(key -> assertThat((String) shipment(key).get("collectedAt")).startsWith("2026-09-"));

        Set<String> named = new HashSet<>();
        orders().forEach(o -> ((List<?>) o.getOrDefault("waybills", List.of())).forEach(w -> named.add((String) w)));
        long withoutOrders = shipments().filter(s -> "ZTO".equals(s.get("carrier")) && !s.containsKey("orderRef")
                && !s.containsKey("deliverySite") && !named.contains("ZTO:" + s.get("waybillNo"))).count();
        assertThat(withoutOrders).isGreaterThanOrEqualTo(400);
    }

    @Test
    void theSameParcelsAreSentTwiceByTwoPosts() {
        FeedPost resend = FEEDS.beforeClose().stream().filter(p -> p.source().contains("re-send")).findFirst()
                .orElseThrow();
        assertThat(resend.records()).hasSize(FEEDS.expected().resent()).hasSizeGreaterThan(100);
        assertThat(resend.format()).isNotEqualTo(FEEDS.beforeClose().get(0).format());
        assertThat(FEEDS.beforeClose().get(0).records()).containsAll(resend.records());
    }

    @Test
    void malformedRecordsOfThreeKinds() {
        List<Map<String, Object>> all = Stream.concat(orders(), shipments()).toList();
        assertThat(all).anySatisfy(r -> assertThat(r.get("amount")).isEqualTo("59.995"));
        assertThat(all).anySatisfy(r -> assertThat(r.get("carrier")).isEqualTo("BESTEX"));
        assertThat(all).anySatisfy(r -> assertThat(r.get("collectedAt")).isEqualTo("2026-10-12 14:03:00"));
        assertThat(FEEDS.expected().malformed()).isEqualTo(3);
    }

    @Test
    void anUnregisteredYundaSiteWhileTwoLocalCompaniesOperateYunda() {
        long yundaOperators = CongjiangRegistry.EXPRESS_COMPANIES.stream()
                .filter(c -> c.carriers().contains(dev.subsidy.model.Carrier.YUNDA)).count();
        assertThat(yundaOperators).isEqualTo(2);
        Set<String> sites = new HashSet<>();
        CongjiangRegistry.EXPRESS_COMPANIES.forEach(c -> c.sites().forEach(s -> sites.add(s.code())));
        for (String key : FEEDS.special().unattributableParcels()) {
            Map<String, Object> parcel = shipment(key);
            assertThat(parcel.get("carrier")).isEqualTo("YUNDA");
            assertThat(sites).doesNotContain((String) parcel.get("originSite"));
        }
    }

    @Test
    void everyCreditCodeCarriesAValidCheckCharacter() {
        assertThat(CreditCodes.complete("91350200776049653")).isEqualTo("91350200776049653A");
        assertThat(CreditCodes.complete("91440101MA5CJQ4N5")).isEqualTo("91440101MA5CJQ4N59");
        assertThat(CongjiangRegistry.creditCodes()).hasSizeGreaterThanOrEqualTo(18).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(CreditCode.isValid(code)).as(code).isTrue());
        assertThatThrownBy(() -> CreditCodes.complete("91522633MA6DKD00I")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegistryHasEveryKindOfSubjectInRealTowns() {
        JsonNode subjects = CongjiangRegistry.subjects(JSON);
        List<String> types = new ArrayList<>();
        subjects.forEach(s -> types.add(s.path("type").asText()));
        assertThat(types).contains("EXPRESS_COMPANY", "MERCHANT", "STATION", "TOWN", "LOGISTICS_CENTRE");
        assertThat(types.stream().filter("MERCHANT"::equals).count()).isGreaterThanOrEqualTo(12);
        // town codes of 从江县 (National Bureau of Statistics, as published in modood/Administrative-divisions-of-China)
        Set<String> towns = Set.of("522633100", "522633101", "522633102", "522633103", "522633104", "522633105",
                "522633106", "522633200", "522633208", "522633212");
        subjects.forEach(s -> {
            if (!s.path("id").asText().equals(CongjiangRegistry.OUTSIDE.id())) {
                assertThat(towns).as(s.path("name").asText()).contains(s.path("region").asText());
            }
            s.path("sites").forEach(site -> assertThat(towns).contains(site.path("region").asText()));
        });
        assertThat(subjects.findValuesAsText("platform")).contains("TAOBAO", "PDD", "DOUYIN", "JD");
    }

    private static List<FeedPost> all(DemoFeeds feeds) {
        return Stream.concat(feeds.beforeClose().stream(), feeds.afterClose().stream()).toList();
    }

    private static List<Map<String, Object>> records(FeedPost post) {
        return post.records();
    }

    /** Every shipment of the month once: the standard posts but the re-send, and those partners send. */
    private static Stream<Map<String, Object>> shipments() {
        return Stream.of(FEEDS.beforeClose().stream().filter(p -> !p.source().contains("re-send"))
                        .flatMap(p -> p.records().stream()), FEEDS.partners().ztoTraces().stream(),
                        FEEDS.partners().jtExport().stream()).flatMap(s -> s)
                .filter(r -> "shipment".equals(r.get("kind")));
    }

    /** Every order of the month before the late refund: the standard posts and those the marketplaces list. */
    private static Stream<Map<String, Object>> orders() {
        return Stream.of(FEEDS.beforeClose().stream().flatMap(p -> p.records().stream()),
                        FEEDS.partners().taobaoTrades().stream(), FEEDS.partners().douyinOrders().stream())
                .flatMap(s -> s).filter(r -> "order".equals(r.get("kind")));
    }

    private static String key(Map<String, Object> r) {
        return "shipment".equals(r.get("kind")) ? r.get("carrier") + ":" + r.get("waybillNo")
                : r.get("platform") + ":" + r.get("orderId");
    }

    private static Map<String, Object> shipment(String key) {
        return shipments().filter(s -> key.equals(s.get("carrier") + ":" + s.get("waybillNo"))).findFirst()
                .orElseThrow(() -> new AssertionError("no shipment " + key));
    }

    private static Map<String, Object> order(String key) {
        return orders().filter(o -> key.equals(o.get("platform") + ":" + o.get("orderId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no order " + key));
    }
}
