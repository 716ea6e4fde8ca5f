package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Platform;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's registry (名录) for 从江县 (522633): express companies with their sites, merchants with
 * their shops and categories, two towns, a village station and the county's logistics centre.
 * Town codes are real (统计用区划代码: the National Bureau of Statistics' town-level codes, as published
 * in modood/Administrative-divisions-of-China, WTFPL v2); firms and credit codes are made up, with valid
 * check characters.
 */
final class CongjiangRegistry {

    static final String COUNTY = "522633";

    // towns (乡镇) of 从江县 where the demo's firms stand
    static final String BINGMEI = "522633100";   // 丙妹镇, the county seat
    static final String GUANDONG = "522633101";  // 贯洞镇
    static final String LUOXIANG = "522633102";  // 洛香镇
    static final String XIAJIANG = "522633103";  // 下江镇
    static final String ZAIBIAN = "522633104";   // 宰便镇
    static final String XISHAN = "522633105";    // 西山镇
    static final String TINGDONG = "522633106";  // 停洞镇
    static final String GAOZENG = "522633200";   // 高增乡
    static final String CUILI = "522633208";     // 翠里瑶族壮族乡
    static final String JIAMIAN = "522633212";   // 加勉乡

    record Site(Carrier carrier, String code, String town) {}

    record ExpressCompany(String id, String name, String town, List<Carrier> carriers, List<Site> sites) {}

    /** A shop as its platform names it: 抖店 shop ids are numbers (order.searchList's shop_id), the others as written. */
    record Shop(Platform platform, String shopId) {}

    record Merchant(String id, String name, String town, List<String> categories, List<Shop> shops) {

        Shop shop(Platform platform) {
            return shops.stream().filter(s -> s.platform() == platform).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no shop on " + platform));
        }
    }

    static final ExpressCompany ZTO = new ExpressCompany(CreditCodes.complete("91522633MA6DKD001"),
            "从江中通快递有限公司", BINGMEI, List.of(Carrier.ZTO), List.of(
                    new Site(Carrier.ZTO, "CJ-ZTO-01", BINGMEI),
                    new Site(Carrier.ZTO, "CJ-ZTO-02", GUANDONG),
                    new Site(Carrier.ZTO, "CJ-ZTO-03", LUOXIANG)));
    static final ExpressCompany SF = new ExpressCompany(CreditCodes.complete("91522633MA6DKD002"),
            "从江顺丰速运有限公司", BINGMEI, List.of(Carrier.SF), List.of(
                    new Site(Carrier.SF, "CJ-SF-01", BINGMEI)));
    static final ExpressCompany YUNDA = new ExpressCompany(CreditCodes.complete("91522633MA6DKD003"),
            "从江韵达快递服务有限公司", BINGMEI, List.of(Carrier.YUNDA), List.of(
                    new Site(Carrier.YUNDA, "CJ-YD-01", BINGMEI)));
    /** Runs J&T and a Yunda franchise in 下江镇: Yunda has two local operators, so a Yunda scan needs a site. */
    static final ExpressCompany JT = new ExpressCompany(CreditCodes.complete("91522633MA6DKD004"),
            "从江极兔速递有限公司", GUANDONG, List.of(Carrier.JT, Carrier.YUNDA), List.of(
                    new Site(Carrier.JT, "CJ-JT-01", GUANDONG),
                    new Site(Carrier.YUNDA, "CJ-YD-02", XIAJIANG)));
    static final ExpressCompany EMS = new ExpressCompany(CreditCodes.complete("91522633MA6DKD005"),
            "从江县邮政速递物流有限公司", BINGMEI, List.of(Carrier.EMS), List.of(
                    new Site(Carrier.EMS, "CJ-EMS-01", BINGMEI)));

    static final Merchant RICE = new Merchant(CreditCodes.complete("91522633MA6DM0001"),
            "从江香禾糯米业有限公司", GAOZENG, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
            List.of(new Shop(Platform.TAOBAO, "tb-58820471"), new Shop(Platform.PDD, "pdd-771203")));
    static final Merchant PORK = new Merchant(CreditCodes.complete("93522633MA6DM0002"),
            "从江香猪养殖专业合作社", ZAIBIAN, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
            List.of(new Shop(Platform.JD, "jd-10086421"), new Shop(Platform.DOUYIN, "5120337")));
    static final Merchant PONKAN = new Merchant(CreditCodes.complete("93522633MA6DM0003"),
            "从江下江椪柑种植专业合作社", XIAJIANG, List.of("AGRICULTURAL"),
            List.of(new Shop(Platform.PDD, "pdd-903317")));
    static final Merchant TEA = new Merchant(CreditCodes.complete("91522633MA6DM0004"),
            "从江月亮山茶业有限公司", TINGDONG, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
            List.of(new Shop(Platform.TAOBAO, "tb-61230987"), new Shop(Platform.DOUYIN, "4463798")));
    static final Merchant RICE_FISH_DUCK = new Merchant(CreditCodes.complete("91522633MA6DM0005"),
            "从江稻鱼鸭生态农业有限公司", GUANDONG, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
            List.of(new Shop(Platform.TAOBAO, "tb-70451236")));
    static final Merchant YAO_BATH = new Merchant(CreditCodes.complete("91522633MA6DM0006"),
            "从江瑶浴药业有限公司", CUILI, List.of("LOCAL_PRODUCT"),
            List.of(new Shop(Platform.JD, "jd-10231877"), new Shop(Platform.TMALL, "tm-2207331")));
    static final Merchant EMBROIDERY = new Merchant(CreditCodes.complete("92522633MA6DM0007"),
            "从江侗绣坊", GAOZENG, List.of("LOCAL_PRODUCT", "CROSS_BORDER"),
            List.of(new Shop(Platform.TAOBAO, "tb-80017725")));
    static final Merchant HONEY = new Merchant(CreditCodes.complete("92522633MA6DM0008"),
            "加勉野生蜂蜜店", JIAMIAN, List.of("AGRICULTURAL"),
            List.of(new Shop(Platform.PDD, "pdd-615540")));
    static final Merchant RICE_WINE = new Merchant(CreditCodes.complete("92522633MA6DM0009"),
            "洛香糯米酒坊", LUOXIANG, List.of("LOCAL_PRODUCT"),
            List.of(new Shop(Platform.DOUYIN, "6802154")));
    static final Merchant CURED_MEAT = new Merchant(CreditCodes.complete("92522633MA6DM0010"),
            "西山腊肉加工坊", XISHAN, List.of("LOCAL_PRODUCT"),
            List.of(new Shop(Platform.KUAISHOU, "西山腊肉坊")));
    /** Sells everyday goods: e-commerce parcels, but no local products. */
    static final Merchant GENERAL_STORE = new Merchant(CreditCodes.complete("92522633MA6DM0011"),
            "下江镇惠民日用百货店", XIAJIANG, List.of(),
            List.of(new Shop(Platform.PDD, "pdd-448812")));
    static final Merchant BAKERY = new Merchant(CreditCodes.complete("92522633MA6DM0012"),
            "丙妹镇甜心蛋糕店", BINGMEI, List.of("BAKERY"),
            List.of(new Shop(Platform.DOUYIN, "7315026"), new Shop(Platform.PDD, "pdd-330219")));
    /** Registered in 贵阳: the jurisdiction pays its own firms only, so its orders are rejected. */
    static final Merchant OUTSIDE = new Merchant(CreditCodes.complete("91520102MA6DX0013"),
            "贵阳黔货出山商贸有限公司", "520102", List.of("AGRICULTURAL"),
            List.of(new Shop(Platform.JD, "jd-10550912")));

    static final String STATION_ID = "CJ-STATION-ZHANLI";
    static final String STATION_NAME = "高增乡占里村电商服务站";
    static final Shop STATION_SHOP = new Shop(Platform.TAOBAO, "tb-90566102");

    static final String CENTRE_ID = CreditCodes.complete("91522633MA6DLC001");
    static final String CENTRE_NAME = "从江县电子商务物流配送中心";

    static final List<ExpressCompany> EXPRESS_COMPANIES = List.of(ZTO, SF, YUNDA, JT, EMS);
    static final List<Merchant> MERCHANTS = List.of(RICE, PORK, PONKAN, TEA, RICE_FISH_DUCK, YAO_BATH, EMBROIDERY,
            HONEY, RICE_WINE, CURED_MEAT, GENERAL_STORE, BAKERY, OUTSIDE);

    private CongjiangRegistry() {}

    /** Every credit code the registry uses (towns and the station have administrator-given ids). */
    static List<String> creditCodes() {
        return Stream.concat(Stream.concat(EXPRESS_COMPANIES.stream().map(ExpressCompany::id),
                MERCHANTS.stream().map(Merchant::id)), Stream.of(CENTRE_ID)).toList();
    }

    /** The body of {@code PUT /api/v1/registry/subjects}. */
    static ArrayNode subjects(ObjectMapper json) {
        ArrayNode all = json.createArrayNode();
        for (ExpressCompany c : EXPRESS_COMPANIES) {
            ObjectNode s = subject(all, "EXPRESS_COMPANY", c.id(), c.name(), c.town());
            s.put("registeredOn", "2018-04-16").put("taxRegistered", true).put("sizeClass", "BELOW");
            c.carriers().stream().map(Carrier::name).forEach(s.putArray("carriers")::add);
            ArrayNode sites = s.putArray("sites");
            c.sites().forEach(site -> sites.addObject().put("carrier", site.carrier().name())
                    .put("siteCode", site.code()).put("region", site.town()));
        }
        for (int i = 0; i < MERCHANTS.size(); i++) {
            Merchant m = MERCHANTS.get(i);
            ObjectNode s = subject(all, "MERCHANT", m.id(), m.name(), m.town());
            // registered over the years since the county's 2015 e-commerce programme began
            s.put("registeredOn", "%d-%02d-08".formatted(2016 + i % 8, i % 12 + 1)).put("taxRegistered", true)
                    .put("sizeClass", "BELOW");
            m.categories().forEach(s.putArray("categories")::add);
            shops(s, m.shops());
        }
        ObjectNode station = subject(all, "STATION", STATION_ID, STATION_NAME, GAOZENG);
        station.put("registeredOn", "2019-07-01");
        shops(station, List.of(STATION_SHOP));
        ObjectNode centre = subject(all, "LOGISTICS_CENTRE", CENTRE_ID, CENTRE_NAME, BINGMEI);
        centre.put("registeredOn", "2017-11-20").put("taxRegistered", true);
        EXPRESS_COMPANIES.stream().flatMap(c -> c.carriers().stream()).distinct().map(Carrier::name)
                .forEach(centre.putArray("carriers")::add);
        subject(all, "TOWN", BINGMEI, "丙妹镇", BINGMEI);
        subject(all, "TOWN", GAOZENG, "高增乡", GAOZENG);
        return all;
    }

    private static ObjectNode subject(ArrayNode all, String type, String id, String name, String region) {
        return all.addObject().put("type", type).put("id", id).put("name", name).put("region", region);
    }

    private static void shops(ObjectNode subject, List<Shop> shops) {
        ArrayNode array = subject.putArray("shops");
        shops.forEach(shop -> array.addObject().put("platform", shop.platform().name()).put("shopId", shop.shopId()));
    }
}
