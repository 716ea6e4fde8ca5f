package dev.subsidy.bench;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.CreditCode;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.verification.Jurisdiction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small registry of 从江县 (522633) as a county keeps it: five express companies with their sites (two
 * of them run Yunda, so a Yunda scan needs its site), merchants with their shops in its towns, a
 * village station, two towns, the county's logistics centre, and one merchant registered in 贵阳 whose
 * orders are not the county's. Town codes are the statistics bureau's; firms and credit codes are made
 * up, with valid check characters.
 */
final class Congjiang {

    static final String COUNTY = "522633";
    static final String BINGMEI = "522633100";   // 丙妹镇, the county seat
    static final String GUANDONG = "522633101";  // 贯洞镇
    static final String LUOXIANG = "522633102";  // 洛香镇
    static final String XIAJIANG = "522633103";  // 下江镇
    static final String ZAIBIAN = "522633104";   // 宰便镇
    static final String TINGDONG = "522633106";  // 停洞镇
    static final String GAOZENG = "522633200";   // 高增乡

    /** Where the county's parcels go and inbound ones come from: districts of the cities that buy most. */
    static final List<String> OUTSIDE = List.of(
            "440106",  // 广州 天河区
            "440305",  // 深圳 南山区
            "330106",  // 杭州 西湖区
            "310101",  // 上海 黄浦区
            "110105",  // 北京 朝阳区
            "510104",  // 成都 锦江区
            "520102",  // 贵阳 南明区
            "450103"); // 南宁 青秀区

    static final List<String> TOWNS = List.of(BINGMEI, GUANDONG, LUOXIANG, XIAJIANG, ZAIBIAN, TINGDONG, GAOZENG);

    static final List<Subject.Site> SITES = List.of(
            new Subject.Site(Carrier.ZTO, "CJ-ZTO-01", BINGMEI),
            new Subject.Site(Carrier.ZTO, "CJ-ZTO-02", GUANDONG),
            new Subject.Site(Carrier.ZTO, "CJ-ZTO-03", LUOXIANG),
            new Subject.Site(Carrier.SF, "CJ-SF-01", BINGMEI),
            new Subject.Site(Carrier.YUNDA, "CJ-YD-01", BINGMEI),
            new Subject.Site(Carrier.JT, "CJ-JT-01", GUANDONG),
            new Subject.Site(Carrier.YUNDA, "CJ-YD-02", XIAJIANG),
            new Subject.Site(Carrier.EMS, "CJ-EMS-01", BINGMEI));

    /** A merchant's shop with its owner's credit code, as an order names them. */
    record Shop(Platform platform, String shopId, String merchantId) {}

    private static final List<Subject> SUBJECTS = new ArrayList<>();
    private static final List<Shop> LOCAL_SHOPS = new ArrayList<>();
    private static final List<Shop> OUTSIDE_SHOPS = new ArrayList<>();

    static {
        company(1, "从江中通快递有限公司", BINGMEI, List.of(Carrier.ZTO), SITES.subList(0, 3));
        company(2, "从江顺丰速运有限公司", BINGMEI, List.of(Carrier.SF), SITES.subList(3, 4));
        company(3, "从江韵达快递服务有限公司", BINGMEI, List.of(Carrier.YUNDA), SITES.subList(4, 5));
        company(4, "从江极兔速递有限公司", GUANDONG, List.of(Carrier.JT, Carrier.YUNDA), SITES.subList(5, 7));
        company(5, "从江县邮政速递物流有限公司", BINGMEI, List.of(Carrier.EMS), SITES.subList(7, 8));
        merchant(1, "从江香禾糯米业有限公司", GAOZENG, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
                new Subject.Shop(Platform.TAOBAO, "tb-58820471"), new Subject.Shop(Platform.PDD, "pdd-771203"));
        merchant(2, "从江香猪养殖专业合作社", ZAIBIAN, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
                new Subject.Shop(Platform.JD, "jd-10086421"), new Subject.Shop(Platform.DOUYIN, "5120337"));
        merchant(3, "从江下江椪柑种植专业合作社", XIAJIANG, List.of("AGRICULTURAL"),
                new Subject.Shop(Platform.PDD, "pdd-903317"));
        merchant(4, "从江月亮山茶业有限公司", TINGDONG, List.of("AGRICULTURAL", "LOCAL_PRODUCT"),
                new Subject.Shop(Platform.TAOBAO, "tb-61230987"), new Subject.Shop(Platform.DOUYIN, "4463798"));
        merchant(5, "从江侗绣文化传播有限公司", BINGMEI, List.of("LOCAL_PRODUCT"),
                new Subject.Shop(Platform.TAOBAO, "tb-70012345"), new Subject.Shop(Platform.TMALL, "tm-3301"));
        merchant(6, "从江县贯洞烘焙坊", GUANDONG, List.of("BAKERY"),
                new Subject.Shop(Platform.DOUYIN, "6620198"));
        subject(SubjectType.STATION, code("92522633MA6DT0001"), "洛香镇村级电商服务站", LUOXIANG,
                List.of(new Subject.Shop(Platform.PDD, "pdd-880021")), List.of(), List.of());
        LOCAL_SHOPS.add(new Shop(Platform.PDD, "pdd-880021", code("92522633MA6DT0001")));
        subject(SubjectType.TOWN, BINGMEI, "丙妹镇", BINGMEI, List.of(), List.of(), List.of());
        subject(SubjectType.TOWN, GAOZENG, "高增乡", GAOZENG, List.of(), List.of(), List.of());
        subject(SubjectType.LOGISTICS_CENTRE, code("91522633MA6DL0001"), "从江县电商物流配送中心", BINGMEI, List.of(),
                List.of(), List.of(Carrier.ZTO, Carrier.YUNDA, Carrier.JT));
        String guiyang = code("91520102MA6GY0001");
        subject(SubjectType.MERCHANT, guiyang, "贵阳黔货优选商贸有限公司", "520102",
                List.of(new Subject.Shop(Platform.TAOBAO, "tb-52010288")), List.of(), List.of());
        OUTSIDE_SHOPS.add(new Shop(Platform.TAOBAO, "tb-52010288", guiyang));
    }

    private Congjiang() {}

    static Jurisdiction jurisdiction() {
        return new Jurisdiction("从江县", List.of(COUNTY));
    }

    static List<Subject> subjects() {
        return List.copyOf(SUBJECTS);
    }

    /** Shops of the county's merchants and its station. */
    static List<Shop> localShops() {
        return List.copyOf(LOCAL_SHOPS);
    }

    /** A shop registered to a merchant outside the county. */
    static List<Shop> outsideShops() {
        return List.copyOf(OUTSIDE_SHOPS);
    }

    /** A credit code of these 17 characters with its check character. */
    static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static void company(int n, String name, String town, List<Carrier> carriers, List<Subject.Site> sites) {
        subject(SubjectType.EXPRESS_COMPANY, code("91522633MA6DKD00" + n), name, town, List.of(), sites, carriers);
    }

    private static void merchant(int n, String name, String town, List<String> categories, Subject.Shop... shops) {
        String id = code("91522633MA6DM000" + n);
        SUBJECTS.add(new Subject(SubjectType.MERCHANT, id, name, town, LocalDate.of(2019, n, 1), true, SizeClass.BELOW,
                categories, List.of(shops), List.of(), List.of(), Map.of()));
        for (Subject.Shop shop : shops) {
            LOCAL_SHOPS.add(new Shop(shop.platform(), shop.shopId(), id));
        }
    }

    private static void subject(SubjectType type, String id, String name, String region, List<Subject.Shop> shops,
                                List<Subject.Site> sites, List<Carrier> carriers) {
        SUBJECTS.add(new Subject(type, id, name, region, LocalDate.of(2018, 5, 1), true, SizeClass.BELOW, List.of(),
                shops, sites, carriers, Map.of()));
    }
}
