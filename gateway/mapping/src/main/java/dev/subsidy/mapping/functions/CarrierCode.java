package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.subsidy.model.Carrier;

/**
 * {@code carrier-code(name)}: a carrier as partners write it to the standard carrier code of
 * docs/records.md, by the project's one carrier list ({@link Carrier}). Marketplaces give Chinese names ({@code 中通快递}, {@code 顺丰速运}), pinyin
 * codes ({@code zhongtong}, as Douyin and kuaidi100 do) or short codes ({@code YD}, {@code DBL}); an
 * unknown carrier is {@code OTHER}, never an error, because a parcel by a small local firm is
 * still a parcel.
 */
final class CarrierCode extends SimpleFunction {

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
        return Carrier.fromPartnerName(name).name();
    }
}
