package dev.subsidy.model;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Express brands (快递品牌) a standard shipment record may name (docs/records.md), with the ways
 * partners write them: the company's Chinese name (what TOP's {@code logistics_company} and 抖店's
 * {@code company_name} say), its pinyin code (抖店, kuaidi100) and short codes ({@code YD}, {@code DBL}).
 * The one carrier list of the project: connectors, mappings and the registry all name carriers by it.
 */
public enum Carrier {
    SF("顺丰速运", "shunfeng", "顺丰", "SFEXPRESS"),
    ZTO("中通快递", "zhongtong", "中通"),
    YTO("圆通速递", "yuantong", "圆通"),
    STO("申通快递", "shentong", "申通"),
    YUNDA("韵达快递", "yunda", "韵达", "YD"),
    JT("极兔速递", "jtexpress", "极兔", "JTSD", "JITU"),
    JD("京东物流", "jingdong", "京东", "JDL"),
    EMS("邮政EMS", "ems", "邮政|EMS", "YZPY", "YOUZHENGGUONEI", "CHINAPOST"),
    CAINIAO("菜鸟", "cainiao", "菜鸟"),
    DEPPON("德邦快递", "debangwuliu", "德邦", "DBL", "DEBANG"),
    /** A carrier the gateway does not know by name: a parcel by a small local firm is still a parcel. */
    OTHER("其他", "other", null);

    /** Latin codes and pinyin, matched whole after upper-casing and dropping spaces, dashes, '_' and '&'. */
    private static final Map<String, Carrier> CODES = Stream.of(values())
            .flatMap(c -> c.codes().map(code -> Map.entry(code, c)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    private final String chineseName;
    private final String pinyin;
    /** Parts of a Chinese name that mark the brand, '|'-separated. */
    private final String shortName;
    private final String[] aliases;

    Carrier(String chineseName, String pinyin, String shortName, String... aliases) {
        this.chineseName = chineseName;
        this.pinyin = pinyin;
        this.shortName = shortName;
        this.aliases = aliases;
    }

    /** 中通快递, 顺丰速运 …: how marketplaces name the company. */
    public String chineseName() {
        return chineseName;
    }

    /** zhongtong, shunfeng …: the pinyin code 抖店 and kuaidi100 use. */
    public String pinyin() {
        return pinyin;
    }

    /**
     * The carrier a partner names, in any of the ways partners write it: the standard code, a short
     * code, pinyin, or a Chinese name containing the brand ({@code 中通快运}); {@link #OTHER} when none
     * matches, never an error.
     */
    public static Carrier fromPartnerName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        Carrier byCode = CODES.get(upper.replaceAll("[\\s\\-_&]", ""));
        if (byCode != null) {
            return byCode;
        }
        for (Carrier carrier : values()) {
            if (carrier.shortName != null && Stream.of(carrier.shortName.split("\\|")).anyMatch(upper::contains)) {
                return carrier;
            }
        }
        return OTHER;
    }

    private Stream<String> codes() {
        return Stream.concat(Stream.of(name(), pinyin.toUpperCase(Locale.ROOT)), Stream.of(aliases));
    }
}
