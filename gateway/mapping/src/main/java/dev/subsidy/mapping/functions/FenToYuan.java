package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/** {@code fen-to-yuan(fen)}: whole fen (a number or digits) to a yuan string with two decimals. */
final class FenToYuan extends SimpleFunction {

    FenToYuan() {
        super("fen-to-yuan", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode fen = arguments[0];
        if (absent(fen)) {
            return NullNode.instance;
        }
        BigDecimal value = Decimals.of(fen);
        if (value == null || !Decimals.whole(value)) {
            throw refuse(fen, "is not a whole number of fen");
        }
        return TextNode.valueOf(value.movePointLeft(2).setScale(2).toPlainString());
    }
}
