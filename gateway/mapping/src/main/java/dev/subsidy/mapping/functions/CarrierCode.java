package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code carrier-code(name)}: a carrier as partners write it to the standard carrier code of
 * {@code docs/api.md}. Marketplaces give Chinese names ({@code 中通快递}, {@code 顺丰速运}), pinyin
 * codes ({@code zhongtong}, as Douyin and kuaidi100 do) or short codes ({@code YD}, {@code DBL}); an
 * unknown carrier is {@code OTHER}, never an error, because a parcel by a small local firm is
 * still a parcel.
 */
final class CarrierCode extends SimpleFunction {

    /** Latin codes and pinyin, matched whole (upper case, without spaces, dashes or '&'). */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("SF", "SF"), Map.entry("SFEXPRESS", "SF"), Map.entry("SHUNFENG", "SF"),
            Map.entry("ZTO", "ZTO"), Map.entry("ZHONGTONG", "ZTO"),
            Map.entry("YTO", "YTO"), Map.entry("YUANTONG", "YTO"),
            Map.entry("STO", "STO"), Map.entry("SHENTONG", "STO"),
            Map.entry("YUNDA", "YUNDA"), Map.entry("YD", "YUNDA"),
            Map.entry("JT", "JT"), Map.entry("JTEXPRESS", "JT"), Map.entry("JTSD", "JT"), Map.entry("JITU", "JT"),
            Map.entry("JD", "JD"), Map.entry("JDL", "JD"), Map.entry("JINGDONG", "JD"),
            Map.entry("EMS", "EMS"), Map.entry("YZPY", "EMS"), Map.entry("YOUZHENGGUONEI", "EMS"),
            Map.entry("CHINAPOST", "EMS"),
            Map.entry("CAINIAO", "CAINIAO"),
            Map.entry("DEPPON", "DEPPON"), Map.entry("DBL", "DEPPON"), Map.entry("DEBANG", "DEPPON"),
            Map.entry("DEBANGWULIU", "DEPPON"),
            Map.entry("OTHER", "OTHER"));

    /** Chinese names, matched as parts of the name ({@code 中通快递}, {@code 中通快运}). */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("顺丰", "SF");
        NAMES.put("中通", "ZTO");
        NAMES.put("圆通", "YTO");
        NAMES.put("申通", "STO");
        NAMES.put("韵达", "YUNDA");
        NAMES.put("极兔", "JT");
        NAMES.put("京东", "JD");
        NAMES.put("邮政", "EMS");
        NAMES.put("EMS", "EMS");
        NAMES.put("菜鸟", "CAINIAO");
        NAMES.put("德邦", "DEPPON");
    }

    CarrierCode() {
        super("carrier-code", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode name = arguments[0];
        if (absent(name)) {
            return NullNode.instance;
        }
        return TextNode.valueOf(code(name.asText()));
    }

    static String code(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        String compact = upper.replaceAll("[\\s\\-_&]", "");
        String code = CODES.get(compact);
        if (code != null) {
            return code;
        }
        for (Map.Entry<String, String> entry : NAMES.entrySet()) {
            if (upper.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "OTHER";
    }
}
