package dev.subsidy.gateway.demo;

import static dev.subsidy.gateway.demo.CongjiangRegistry.BAKERY;
import static dev.subsidy.gateway.demo.CongjiangRegistry.BINGMEI;
import static dev.subsidy.gateway.demo.CongjiangRegistry.CURED_MEAT;
import static dev.subsidy.gateway.demo.CongjiangRegistry.EMBROIDERY;
import static dev.subsidy.gateway.demo.CongjiangRegistry.GAOZENG;
import static dev.subsidy.gateway.demo.CongjiangRegistry.GENERAL_STORE;
import static dev.subsidy.gateway.demo.CongjiangRegistry.GUANDONG;
import static dev.subsidy.gateway.demo.CongjiangRegistry.HONEY;
import static dev.subsidy.gateway.demo.CongjiangRegistry.LUOXIANG;
import static dev.subsidy.gateway.demo.CongjiangRegistry.OUTSIDE;
import static dev.subsidy.gateway.demo.CongjiangRegistry.PONKAN;
import static dev.subsidy.gateway.demo.CongjiangRegistry.PORK;
import static dev.subsidy.gateway.demo.CongjiangRegistry.RICE;
import static dev.subsidy.gateway.demo.CongjiangRegistry.RICE_FISH_DUCK;
import static dev.subsidy.gateway.demo.CongjiangRegistry.RICE_WINE;
import static dev.subsidy.gateway.demo.CongjiangRegistry.TEA;
import static dev.subsidy.gateway.demo.CongjiangRegistry.XIAJIANG;
import static dev.subsidy.gateway.demo.CongjiangRegistry.XISHAN;
import static dev.subsidy.gateway.demo.CongjiangRegistry.YAO_BATH;
import static dev.subsidy.gateway.demo.RecordFactory.put;
import static dev.subsidy.gateway.demo.RecordFactory.putList;
import static dev.subsidy.gateway.demo.RecordFactory.ref;

import dev.subsidy.gateway.demo.CongjiangRegistry.Merchant;
import dev.subsidy.gateway.demo.CongjiangRegistry.Shop;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Platform;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates October 2026 in 从江县: a few thousand marketplace orders of the registered merchants
 * and the parcels that carried them, parcels without orders, inbound parcels, and the cases the
 * figures must get right (a refund arriving late, a cancellation, a parcel scanned at 00:30 on
 * 1 November, a cross-border parcel, an unattributable scan, malformed records, a feed sent twice).
 * A fixed seed makes every run produce the same bytes, so figures are comparable between runs.
 */
final class MonthOfFeeds {

    static final long SEED = 20_261_001L;
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private static final OffsetDateTime OCTOBER = OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, CST);
    /** Parcels are shipped before this, so the month's parcels all belong to October. */
    private static final OffsetDateTime LAST_COLLECTION = OffsetDateTime.of(2026, 10, 31, 20, 0, 0, 0, CST);
    /** The month's exports are made early in November: deliveries up to then are known. */
    private static final OffsetDateTime EXPORTED = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, CST);
    /** Where the county's parcels go: district codes of big cities all over China. */
    private static final List<String> OUTSIDE_DISTRICTS = List.of("440106", "310115", "110105", "330106", "510107",
            "500103", "420106", "320102", "520102", "450103", "430104", "370102", "350203", "610113", "530102");
    private static final List<String> INSIDE_TOWNS = List.of(BINGMEI, BINGMEI, GUANDONG, LUOXIANG, XIAJIANG, GAOZENG);

    /** How one merchant sells in a month: volume, prices, marketplaces, carriers and channels (weighted lists). */
    private record Profile(Merchant merchant, int orders, int minPrice, int maxPrice, List<Platform> platforms,
                           List<Carrier> carriers, List<String> channels) {}

    private final Random random = new Random(SEED);
    private final RecordFactory factory = new RecordFactory(random);

    private final List<Map<String, Object>> zto = new ArrayList<>();
    private final List<Map<String, Object>> otherCarriers = new ArrayList<>();
    private final List<Map<String, Object>> taobao = new ArrayList<>();
    private final List<Map<String, Object>> pdd = new ArrayList<>();
    private final List<Map<String, Object>> jd = new ArrayList<>();
    private final List<Map<String, Object>> shortVideo = new ArrayList<>();
    // what reaches the gateway in the partners' own formats (PartnerFeeds): 月亮山茶业's shops on 淘宝
    // and 抖店 through the marketplaces' APIs, the ZTO parcels those orders name through ZTO's trace
    // push, and what the J&T branch collects through its CSV export
    private final List<Map<String, Object>> ztoTraces = new ArrayList<>();
    private final List<Map<String, Object>> jtExport = new ArrayList<>();
    private final List<Map<String, Object>> taobaoApi = new ArrayList<>();
    private final List<Map<String, Object>> douyinApi = new ArrayList<>();

    private int ztoOutbound;
    private int ztoLocalProducts;
    private int ztoInbound;
    private BigDecimal riceSales = BigDecimal.ZERO.setScale(2);
    private int riceOrders;
    private BigDecimal teaSales = BigDecimal.ZERO.setScale(2);
    private int teaOrders;
    private int malformed;

    private MonthOfFeeds() {}

    static DemoFeeds generate() {
        return new MonthOfFeeds().build();
    }

    private DemoFeeds build() {
        for (Profile profile : profiles()) {
            for (int i = 0; i < profile.orders(); i++) {
                sell(profile);
            }
        }
        sellFromStation(200);
        parcelsWithoutOrders(400);
        List<String> fromSeptember = new ArrayList<>();
        inbound(Carrier.ZTO, 900, fromSeptember);
        inbound(Carrier.SF, 300, fromSeptember);
        inbound(Carrier.JT, 200, fromSeptember);
        inbound(Carrier.YUNDA, 150, fromSeptember);
        inbound(Carrier.EMS, 120, fromSeptember);

        Map<String, Object> refund = partlyRefundedOrder();
        String cancelled = cancelledOrder();
        String fullyRefunded = fullyRefundedOrder();
        String november = parcelAtHalfPastMidnight();
        // riceSales holds the net after the late refund; before it arrives the refunded part still counts
        BigDecimal riceBeforeRefund = riceSales.add(new BigDecimal((String) refund.get("refundedAmount")));
        List<String> crossBorder = crossBorderOrders();
        List<String> unattributable = unattributableParcels();
        List<String> misrouted = misroutedParcels();
        String mismatched = mismatchedMerchantOrder();
        malformedRecords();

        for (List<Map<String, Object>> feed : List.of(zto, otherCarriers, ztoTraces, jtExport)) {
            feed.sort(Comparator.comparing(r -> (String) r.get("collectedAt")));
        }
        for (List<Map<String, Object>> feed : List.of(taobao, pdd, jd, shortVideo, taobaoApi, douyinApi)) {
            feed.sort(Comparator.comparing(r -> (String) r.getOrDefault("paidAt", "")));
        }
        // the ZTO branch re-sends its first three days in its other format: every one a duplicate
        List<Map<String, Object>> resend = zto.stream()
                .filter(r -> ((String) r.get("collectedAt")).compareTo("2026-10-04") < 0
                        && ((String) r.get("collectedAt")).startsWith("2026-10"))
                .toList();

        List<FeedPost> before = List.of(
                new FeedPost("中通 ZTO sites' parcels", FeedPost.Format.JSON_ARRAY, zto),
                new FeedPost("顺丰/韵达/极兔/EMS site exports", FeedPost.Format.NDJSON, otherCarriers),
                new FeedPost("淘宝/天猫 orders of other shops", FeedPost.Format.JSON_ARRAY, taobao),
                new FeedPost("拼多多 orders", FeedPost.Format.NDJSON, pdd),
                new FeedPost("京东 orders", FeedPost.Format.JSON_ARRAY, jd),
                new FeedPost("抖音/快手 shop export", FeedPost.Format.CSV_GBK, shortVideo),
                new FeedPost("中通 re-send of 1–3 Oct", FeedPost.Format.NDJSON, resend));
        List<FeedPost> after = List.of(new FeedPost("淘宝 refund update", FeedPost.Format.JSON_ARRAY, List.of(refund)));

        DemoFeeds.Expected expected = new DemoFeeds.Expected(ztoOutbound, ztoLocalProducts, 1, ztoInbound,
                riceBeforeRefund, riceSales, riceOrders, teaSales, teaOrders, crossBorder.size(), malformed,
                resend.size());
        DemoFeeds.SpecialCases special = new DemoFeeds.SpecialCases(november,
                ref(Platform.TAOBAO, (String) refund.get("orderId")), cancelled, fullyRefunded, mismatched, crossBorder,
                unattributable, misrouted, fromSeptember);
        PartnerFeeds partners = new PartnerFeeds(ztoTraces, jtExport, taobaoApi, douyinApi);
        return new DemoFeeds(before, after, partners, expected, special);
    }

    private static List<Profile> profiles() {
        return List.of(
                new Profile(RICE, 1500, 59, 129, mix(Platform.TAOBAO, 6, Platform.PDD, 4),
                        mix(Carrier.ZTO, 92, Carrier.SF, 8), mix("B2C", 95, "B2B", 5)),
                new Profile(PORK, 960, 88, 268, mix(Platform.JD, 6, Platform.DOUYIN, 4),
                        mix(Carrier.ZTO, 60, Carrier.SF, 40), mix("B2C", 90, "B2B", 10)),
                new Profile(PONKAN, 1200, 29, 59, mix(Platform.PDD, 1),
                        mix(Carrier.ZTO, 70, Carrier.YUNDA, 20, Carrier.JT, 10), mix("B2C", 1)),
                new Profile(TEA, 800, 68, 298, mix(Platform.TAOBAO, 6, Platform.DOUYIN, 4),
                        mix(Carrier.ZTO, 85, Carrier.SF, 15), mix("B2C", 1)),
                new Profile(RICE_FISH_DUCK, 500, 98, 198, mix(Platform.TAOBAO, 1),
                        mix(Carrier.ZTO, 90, Carrier.YUNDA, 10), mix("B2C", 1)),
                new Profile(YAO_BATH, 400, 49, 159, mix(Platform.JD, 6, Platform.TMALL, 4),
                        mix(Carrier.ZTO, 70, Carrier.JT, 30), mix("B2C", 1)),
                new Profile(EMBROIDERY, 150, 168, 680, mix(Platform.TAOBAO, 1),
                        mix(Carrier.ZTO, 90, Carrier.EMS, 10), mix("C2C", 1)),
                new Profile(HONEY, 300, 58, 128, mix(Platform.PDD, 1),
                        mix(Carrier.ZTO, 85, Carrier.EMS, 15), mix("C2C", 1)),
                new Profile(RICE_WINE, 350, 36, 88, mix(Platform.DOUYIN, 1),
                        mix(Carrier.ZTO, 95, Carrier.SF, 5), mix("B2C", 1)),
                new Profile(CURED_MEAT, 450, 78, 198, mix(Platform.KUAISHOU, 1),
                        mix(Carrier.ZTO, 85, Carrier.SF, 15), mix("B2C", 1)),
                new Profile(GENERAL_STORE, 400, 9, 59, mix(Platform.PDD, 1),
                        mix(Carrier.JT, 60, Carrier.YUNDA, 40), mix("B2C", 1)),
                // cakes go to customers in town: local parcels, neither outbound nor inbound
                new Profile(BAKERY, 250, 68, 268, mix(Platform.DOUYIN, 7, Platform.PDD, 3),
                        mix(Carrier.YUNDA, 1), mix("B2C", 1)),
                // registered in 贵阳: its orders are rejected at close, so it ships nothing here
                new Profile(OUTSIDE, 30, 59, 199, mix(Platform.JD, 1), List.of(), mix("B2C", 1)));
    }

    /** One regular order and, once shipped, its parcels. */
    private void sell(Profile p) {
        Merchant merchant = p.merchant();
        Platform platform = pick(p.platforms());
        OffsetDateTime paidAt = paidInOctober();
        int quantity = pick(mix(1, 6, 2, 3, 3, 1));
        BigDecimal amount = price(p.minPrice(), p.maxPrice()).multiply(BigDecimal.valueOf(quantity));
        String orderId = factory.orderId(platform, paidAt);
        Map<String, Object> order = RecordFactory.order(platform, orderId, merchant.shop(platform).shopId(),
                pick(p.channels()), "PAID", paidAt, amount);
        OffsetDateTime collectedAt = paidAt.plusHours(3 + random.nextInt(25)).plusMinutes(random.nextInt(60));
        if (p.carriers().isEmpty() || collectedAt.isAfter(LAST_COLLECTION)) {
            put(order, "updatedAt", paidAt.plusMinutes(1));
            finish(order, merchant);
            return;
        }
        Carrier carrier = pick(p.carriers());
        int parcels = merchant == PONKAN && quantity == 3 ? 2 : 1; // three boxes of oranges travel as two parcels
        boolean orderNamesWaybills = random.nextInt(4) > 0;
        List<String> waybills = new ArrayList<>();
        OffsetDateTime lastEvent = collectedAt;
        boolean delivered = true;
        for (int n = 0; n < parcels; n++) {
            String waybillNo = factory.waybill(carrier);
            Map<String, Object> parcel = RecordFactory.shipment(carrier, waybillNo, collectedAt);
            parcel.put("originSite", site(carrier, merchant.town()));
            String dest = merchant == BAKERY ? pick(List.of(BINGMEI, BINGMEI, GUANDONG)) : pick(OUTSIDE_DISTRICTS);
            parcel.put("destRegion", dest);
            OffsetDateTime deliveredAt = collectedAt.plusHours(merchant == BAKERY ? 2 + random.nextInt(6)
                    : 36 + random.nextInt(75));
            if (deliveredAt.isBefore(EXPORTED)) {
                put(parcel, "deliveredAt", deliveredAt);
                parcel.put("deliveredRegion", dest);
                lastEvent = deliveredAt.isAfter(lastEvent) ? deliveredAt : lastEvent;
            } else {
                delivered = false;
            }
            if (!orderNamesWaybills) {
                parcel.put("orderRef", ref(platform, orderId));
            }
            if (random.nextBoolean()) {
                parcel.put("shipperId", merchant.id()); // contract customers are known to the carrier
            }
            parcel.put("weightGrams", quantity * (400 + random.nextInt(2200)));
            parcel.put("traceEvents", deliveredAt.isBefore(EXPORTED) ? 6 + random.nextInt(6) : 3 + random.nextInt(3));
            put(parcel, "updatedAt", deliveredAt.isBefore(EXPORTED) ? deliveredAt.plusMinutes(5 + random.nextInt(90))
                    : collectedAt.plusHours(2));
            parcelFeed(carrier, merchant, orderNamesWaybills).add(parcel);
            waybills.add(ref(carrier, waybillNo));
            countOutbound(carrier, merchant, merchant != BAKERY, true);
        }
        order.put("status", delivered && lastEvent.plusDays(1).isBefore(EXPORTED) ? "COMPLETED" : "SHIPPED");
        if (orderNamesWaybills) {
            putList(order, "waybills", waybills);
        }
        put(order, "updatedAt", delivered ? min(lastEvent.plusDays(1), EXPORTED) : collectedAt);
        finish(order, merchant);
    }

    /** Categories, buyer and routing to the marketplace's feed, and the rice merchant's tally. */
    private void finish(Map<String, Object> order, Merchant merchant) {
        if (merchant == RICE && random.nextBoolean()) {
            putList(order, "categories", List.of("AGRICULTURAL"));
        }
        order.put("buyerHash", factory.buyerHash());
        if (merchant == RICE) {
            riceSales = riceSales.add(new BigDecimal((String) order.get("amount")));
            riceOrders++;
        }
        if (merchant == TEA) {
            teaSales = teaSales.add(new BigDecimal((String) order.get("amount")));
            teaOrders++;
        }
        orderFeed(merchant, Platform.valueOf((String) order.get("platform"))).add(order);
    }

    /** 占里村's station sells villagers' rice and crafts; the post office carries its parcels. */
    private void sellFromStation(int orders) {
        Shop shop = CongjiangRegistry.STATION_SHOP;
        for (int i = 0; i < orders; i++) {
            OffsetDateTime paidAt = paidInOctober();
            String orderId = factory.orderId(shop.platform(), paidAt);
            Map<String, Object> order = RecordFactory.order(shop.platform(), orderId, shop.shopId(), "B2C", "SHIPPED",
                    paidAt, price(25, 120));
            OffsetDateTime collectedAt = paidAt.plusHours(6 + random.nextInt(20));
            if (collectedAt.isBefore(LAST_COLLECTION)) {
                String waybillNo = factory.waybill(Carrier.EMS);
                Map<String, Object> parcel = RecordFactory.shipment(Carrier.EMS, waybillNo, collectedAt);
                parcel.put("originSite", "CJ-EMS-01");
                parcel.put("destRegion", pick(OUTSIDE_DISTRICTS));
                parcel.put("weightGrams", 500 + random.nextInt(3000));
                put(parcel, "updatedAt", collectedAt.plusHours(1));
                otherCarriers.add(parcel);
                putList(order, "waybills", List.of(ref(Carrier.EMS, waybillNo)));
            }
            putList(order, "categories", List.of("AGRICULTURAL"));
            put(order, "updatedAt", collectedAt.isBefore(LAST_COLLECTION) ? collectedAt : paidAt);
            taobao.add(order);
        }
    }

    /** Parcels people send at the ZTO counters: outbound, but no merchant's order behind them. */
    private void parcelsWithoutOrders(int count) {
        for (int i = 0; i < count; i++) {
            OffsetDateTime collectedAt = paidInOctober().plusHours(2);
            Map<String, Object> parcel = RecordFactory.shipment(Carrier.ZTO, factory.waybill(Carrier.ZTO), collectedAt);
            if (i % 4 == 0) {
                // no site in the scan, only the town: ZTO has one local operator, who gets the parcel
                parcel.put("originRegion", pick(INSIDE_TOWNS));
            } else {
                parcel.put("originSite", pick(List.of("CJ-ZTO-01", "CJ-ZTO-01", "CJ-ZTO-02", "CJ-ZTO-03")));
            }
            parcel.put("destRegion", pick(OUTSIDE_DISTRICTS));
            parcel.put("weightGrams", 200 + random.nextInt(8000));
            put(parcel, "updatedAt", collectedAt.plusHours(1));
            zto.add(parcel);
            ztoOutbound++;
        }
    }

    /** Parcels bought outside and delivered in the county, some collected in late September. */
    private void inbound(Carrier carrier, int count, List<String> fromSeptember) {
        for (int i = 0; i < count; i++) {
            OffsetDateTime collectedAt = OCTOBER.minusDays(4).plusMinutes(random.nextInt(60 * 24 * 31));
            OffsetDateTime deliveredAt = collectedAt.plusHours(50 + random.nextInt(60));
            if (deliveredAt.isAfter(LAST_COLLECTION) || deliveredAt.isBefore(OCTOBER)) {
                i--;
                continue;
            }
            String town = pick(INSIDE_TOWNS);
            String waybillNo = factory.waybill(carrier);
            Map<String, Object> parcel = RecordFactory.shipment(carrier, waybillNo, collectedAt);
            parcel.put("originRegion", pick(OUTSIDE_DISTRICTS));
            parcel.put("destRegion", town);
            put(parcel, "deliveredAt", deliveredAt);
            parcel.put("deliveredRegion", town);
            parcel.put("deliverySite", site(carrier, town));
            parcel.put("weightGrams", 150 + random.nextInt(5000));
            parcel.put("traceEvents", 6 + random.nextInt(6));
            put(parcel, "updatedAt", deliveredAt.plusMinutes(20));
            carrierFeed(carrier).add(parcel);
            if (collectedAt.isBefore(OCTOBER)) {
                fromSeptember.add(ref(carrier, waybillNo));
            }
            if (carrier == Carrier.ZTO) {
                ztoInbound++;
            }
        }
    }

    /** A rice order paid and shipped, then half refunded: the second version arrives after the first close. */
    private Map<String, Object> partlyRefundedOrder() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 6, 10, 21, 37, 0, CST);
        String orderId = factory.orderId(Platform.TAOBAO, paidAt);
        String waybillNo = outboundParcel(RICE, paidAt.plusHours(7), true);
        Map<String, Object> first = RecordFactory.order(Platform.TAOBAO, orderId, RICE.shop(Platform.TAOBAO).shopId(),
                "B2C", "COMPLETED", paidAt, new BigDecimal("336.00"));
        putList(first, "waybills", List.of(ref(Carrier.ZTO, waybillNo)));
        first.put("buyerHash", factory.buyerHash());
        put(first, "updatedAt", paidAt.plusDays(4));
        taobao.add(first);
        riceOrders++;

        Map<String, Object> refunded = new LinkedHashMap<>(first);
        refunded.put("status", "REFUNDED");
        refunded.put("refundedAmount", "168.00"); // one of the two bags arrived torn
        put(refunded, "updatedAt", OffsetDateTime.of(2026, 10, 21, 15, 2, 11, 0, CST));
        riceSales = riceSales.add(new BigDecimal("168.00"));
        return refunded;
    }

    private String cancelledOrder() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 9, 20, 14, 5, 0, CST);
        String orderId = factory.orderId(Platform.PDD, paidAt);
        Map<String, Object> order = RecordFactory.order(Platform.PDD, orderId, RICE.shop(Platform.PDD).shopId(), "B2C",
                "CANCELLED", paidAt, new BigDecimal("99.80"));
        order.put("refundedAmount", "99.80");
        order.put("buyerHash", factory.buyerHash());
        put(order, "updatedAt", paidAt.plusMinutes(42));
        pdd.add(order);
        return ref(Platform.PDD, orderId);
    }

    /** Refunded in full after shipping: its parcel is outbound but no longer e-commerce. */
    private String fullyRefundedOrder() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 12, 9, 3, 44, 0, CST);
        String orderId = factory.orderId(Platform.TAOBAO, paidAt);
        String waybillNo = outboundParcel(TEA, paidAt.plusHours(5), false);
        ztoTraces.add(zto.remove(zto.size() - 1)); // the tea shop's parcel: ZTO pushes its trace
        Map<String, Object> order = RecordFactory.order(Platform.TAOBAO, orderId, TEA.shop(Platform.TAOBAO).shopId(),
                "B2C", "REFUNDED", paidAt, new BigDecimal("128.00"));
        order.put("refundedAmount", "128.00");
        putList(order, "waybills", List.of(ref(Carrier.ZTO, waybillNo)));
        order.put("buyerHash", factory.buyerHash());
        put(order, "updatedAt", paidAt.plusDays(6));
        taobaoApi.add(order); // TOP lists it as TRADE_CLOSED
        return ref(Platform.TAOBAO, orderId);
    }

    /** Paid at 23:48 on 31 October, collected at 00:30 on 1 November (UTC+8): an October sale, a November parcel. */
    private String parcelAtHalfPastMidnight() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 31, 23, 48, 12, 0, CST);
        String orderId = factory.orderId(Platform.TAOBAO, paidAt);
        Map<String, Object> order = RecordFactory.order(Platform.TAOBAO, orderId, RICE.shop(Platform.TAOBAO).shopId(),
                "B2C", "SHIPPED", paidAt, new BigDecimal("159.80"));
        order.put("buyerHash", factory.buyerHash());
        put(order, "updatedAt", OffsetDateTime.of(2026, 11, 1, 0, 30, 0, 0, CST));
        taobao.add(order);
        riceSales = riceSales.add(new BigDecimal("159.80"));
        riceOrders++;

        String waybillNo = factory.waybill(Carrier.ZTO);
        Map<String, Object> parcel = RecordFactory.shipment(Carrier.ZTO, waybillNo,
                OffsetDateTime.of(2026, 11, 1, 0, 30, 0, 0, CST));
        parcel.put("originSite", "CJ-ZTO-03");
        parcel.put("destRegion", "440106");
        parcel.put("orderRef", ref(Platform.TAOBAO, orderId));
        parcel.put("weightGrams", 5100);
        put(parcel, "updatedAt", OffsetDateTime.of(2026, 11, 1, 1, 10, 0, 0, CST));
        zto.add(parcel);
        return ref(Carrier.ZTO, waybillNo);
    }

    /** 侗绣 sold abroad, shipped by EMS with international item numbers. */
    private List<String> crossBorderOrders() {
        List<String> keys = new ArrayList<>();
        List<String> countries = List.of("MY", "SG", "MY", "TH", "MY");
        for (int i = 0; i < countries.size(); i++) {
            OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 14 + 2 * i, 15, 7 * i, 30, 0, CST);
            String orderId = factory.orderId(Platform.TAOBAO, paidAt);
            String waybillNo = factory.s10(61_524_870L + 37L * i);
            Map<String, Object> order = RecordFactory.order(Platform.TAOBAO, orderId,
                    EMBROIDERY.shop(Platform.TAOBAO).shopId(), "C2C", "SHIPPED", paidAt, price(480, 1280));
            putList(order, "waybills", List.of(ref(Carrier.EMS, waybillNo)));
            order.put("crossBorder", true);
            order.put("destCountry", countries.get(i));
            order.put("buyerHash", factory.buyerHash());
            put(order, "updatedAt", paidAt.plusDays(1));
            taobao.add(order);

            Map<String, Object> parcel = RecordFactory.shipment(Carrier.EMS, waybillNo, paidAt.plusHours(20));
            parcel.put("originSite", "CJ-EMS-01");
            parcel.put("destCountry", countries.get(i));
            parcel.put("weightGrams", 600 + 150 * i);
            parcel.put("traceEvents", 5);
            put(parcel, "updatedAt", paidAt.plusHours(22));
            otherCarriers.add(parcel);
            keys.add(ref(Carrier.EMS, waybillNo));
        }
        return keys;
    }

    /** Yunda scans at a 西山镇 agent nobody registered; two local companies run Yunda, so whose parcel is it? */
    private List<String> unattributableParcels() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OffsetDateTime collectedAt = OffsetDateTime.of(2026, 10, 17 + i, 16, 40, 0, 0, CST);
            String waybillNo = factory.waybill(Carrier.YUNDA);
            Map<String, Object> parcel = RecordFactory.shipment(Carrier.YUNDA, waybillNo, collectedAt);
            parcel.put("originRegion", XISHAN);
            parcel.put("originSite", "CJ-YD-09");
            parcel.put("destRegion", pick(OUTSIDE_DISTRICTS));
            parcel.put("weightGrams", 1200 + 300 * i);
            put(parcel, "updatedAt", collectedAt.plusHours(1));
            otherCarriers.add(parcel);
            keys.add(ref(Carrier.YUNDA, waybillNo));
        }
        return keys;
    }

    /** Parcels of another county that slipped into the ZTO push: neither collected nor delivered inside. */
    private List<String> misroutedParcels() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            OffsetDateTime collectedAt = OffsetDateTime.of(2026, 10, 22, 11 + i, 5, 0, 0, CST);
            String waybillNo = factory.waybill(Carrier.ZTO);
            Map<String, Object> parcel = RecordFactory.shipment(Carrier.ZTO, waybillNo, collectedAt);
            parcel.put("originRegion", "520102");
            parcel.put("destRegion", "440106");
            put(parcel, "updatedAt", collectedAt.plusHours(1));
            zto.add(parcel);
            keys.add(ref(Carrier.ZTO, waybillNo));
        }
        return keys;
    }

    /** A Douyin order of the tea shop that names another firm's credit code: a consistency signal. */
    private String mismatchedMerchantOrder() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 19, 21, 30, 0, 0, CST);
        String orderId = factory.orderId(Platform.DOUYIN, paidAt);
        Map<String, Object> order = RecordFactory.order(Platform.DOUYIN, orderId, TEA.shop(Platform.DOUYIN).shopId(),
                "B2C", "PAID", paidAt, new BigDecimal("198.00"));
        order.put("merchantId", PORK.id());
        put(order, "updatedAt", paidAt.plusMinutes(1));
        shortVideo.add(order);
        return ref(Platform.DOUYIN, orderId);
    }

    /** What real feeds get wrong: three decimals, a carrier the standard does not know, a time without offset. */
    private void malformedRecords() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 10, 15, 12, 0, 0, 0, CST);
        Map<String, Object> order = RecordFactory.order(Platform.TAOBAO, factory.orderId(Platform.TAOBAO, paidAt),
                TEA.shop(Platform.TAOBAO).shopId(), "B2C", "PAID", paidAt, BigDecimal.ZERO);
        order.put("amount", "59.995");
        taobao.add(order);

        Map<String, Object> unknownCarrier = RecordFactory.shipment("BESTEX", "BX5520031877412",
                OffsetDateTime.of(2026, 10, 16, 10, 0, 0, 0, CST));
        unknownCarrier.put("originRegion", BINGMEI);
        unknownCarrier.put("destRegion", "310115");
        otherCarriers.add(unknownCarrier);

        Map<String, Object> noOffset = RecordFactory.shipment(Carrier.ZTO, factory.waybill(Carrier.ZTO),
                OffsetDateTime.of(2026, 10, 12, 14, 3, 0, 0, CST));
        noOffset.put("collectedAt", "2026-10-12 14:03:00");
        noOffset.put("originSite", "CJ-ZTO-01");
        noOffset.put("destRegion", "330106");
        zto.add(noOffset);
        malformed = 3;
    }

    /** A ZTO parcel of a merchant's order, counted as the gateway must count it. */
    private String outboundParcel(Merchant merchant, OffsetDateTime collectedAt, boolean orderCounts) {
        String waybillNo = factory.waybill(Carrier.ZTO);
        Map<String, Object> parcel = RecordFactory.shipment(Carrier.ZTO, waybillNo, collectedAt);
        parcel.put("originSite", site(Carrier.ZTO, merchant.town()));
        parcel.put("destRegion", pick(OUTSIDE_DISTRICTS));
        OffsetDateTime deliveredAt = collectedAt.plusHours(60);
        put(parcel, "deliveredAt", deliveredAt);
        parcel.put("deliveredRegion", parcel.get("destRegion"));
        parcel.put("weightGrams", 5200);
        parcel.put("traceEvents", 8);
        put(parcel, "updatedAt", deliveredAt.plusMinutes(30));
        zto.add(parcel);
        countOutbound(Carrier.ZTO, merchant, true, orderCounts);
        return waybillNo;
    }

    private void countOutbound(Carrier carrier, Merchant merchant, boolean outbound, boolean orderCounts) {
        if (carrier != Carrier.ZTO || !outbound) {
            return;
        }
        ztoOutbound++;
        boolean localProducts = merchant.categories().contains("LOCAL_PRODUCT")
                || merchant.categories().contains("AGRICULTURAL");
        if (orderCounts && localProducts && merchant != OUTSIDE) {
            ztoLocalProducts++;
        }
    }

    /** The site of a carrier where a firm in that town hands its parcels over. */
    private static String site(Carrier carrier, String town) {
        return switch (carrier) {
            case ZTO -> town.equals(GUANDONG) ? "CJ-ZTO-02" : town.equals(LUOXIANG) || town.equals(GAOZENG)
                    ? "CJ-ZTO-03" : "CJ-ZTO-01";
            case SF -> "CJ-SF-01";
            case YUNDA -> town.equals(XIAJIANG) ? "CJ-YD-02" : "CJ-YD-01";
            case JT -> "CJ-JT-01";
            case EMS -> "CJ-EMS-01";
            default -> throw new IllegalArgumentException("no demo site for " + carrier);
        };
    }

    private List<Map<String, Object>> carrierFeed(Carrier carrier) {
        return carrier == Carrier.ZTO ? zto : otherCarriers;
    }

    /**
     * Where a merchant's parcel is reported. ZTO pushes the traces of the tea shop's parcels whose
     * order names them (a trace push cannot name the order, so a parcel that names its order stays a
     * standard record); the J&T branch exports what it collects. Neither changes a figure: the same
     * parcels arrive by another path.
     */
    private List<Map<String, Object>> parcelFeed(Carrier carrier, Merchant merchant, boolean orderNamesWaybill) {
        if (carrier == Carrier.ZTO && merchant == TEA && orderNamesWaybill) {
            return ztoTraces;
        }
        return carrier == Carrier.JT ? jtExport : carrierFeed(carrier);
    }

    /**
     * The tea shop authorised the gateway on 淘宝 (TOP) and 抖店: its orders are read through their
     * APIs. Only orders those APIs can say as the standard feed does go that way: the tea shop's are
     * all B2C and carry no categories of their own.
     */
    private List<Map<String, Object>> orderFeed(Merchant merchant, Platform platform) {
        if (merchant == TEA && platform == Platform.TAOBAO) {
            return taobaoApi;
        }
        if (merchant == TEA && platform == Platform.DOUYIN) {
            return douyinApi;
        }
        return orderFeed(platform);
    }

    private List<Map<String, Object>> orderFeed(Platform platform) {
        return switch (platform) {
            case TAOBAO, TMALL -> taobao;
            case PDD -> pdd;
            case JD -> jd;
            case DOUYIN, KUAISHOU -> shortVideo;
            default -> throw new IllegalArgumentException("no demo feed for " + platform);
        };
    }

    /** Paid on 1–30 October, mostly in the day and evening. */
    private OffsetDateTime paidInOctober() {
        return OCTOBER.plusDays(random.nextInt(30)).plusHours(7 + random.nextInt(17))
                .plusMinutes(random.nextInt(60)).plusSeconds(random.nextInt(60));
    }

    /** Shop prices end in .00, .80, .90 or .50. */
    private BigDecimal price(int min, int max) {
        String fen = pick(List.of("00", "00", "80", "90", "50"));
        return new BigDecimal((min + random.nextInt(max - min + 1)) + "." + fen);
    }

    private <T> T pick(List<T> weighted) {
        return weighted.get(random.nextInt(weighted.size()));
    }

    /** A weighted list: value, weight, value, weight … */
    @SuppressWarnings("unchecked")
    private static <T> List<T> mix(Object... valuesAndWeights) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            out.addAll(Collections.nCopies((Integer) valuesAndWeights[i + 1], (T) valuesAndWeights[i]));
        }
        return List.copyOf(out);
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
