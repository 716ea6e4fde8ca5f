package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * {@code yuan(amount)}: a yuan amount (a JSON number, or text such as {@code 1,234.5} or
 * {@code ¥12.30}) as an exact string with two decimals. More than two decimals is refused: yuan have
 * fen and nothing smaller, so such a value is not an amount in yuan.
 */
final class Yuan extends SimpleFunction {

    /** Currency signs and thousands separators that exports put around the digits. */
    private static final Pattern DECORATION = Pattern.compile("[¥￥,，\\s]");

    Yuan() {
        super("yuan", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode amount = arguments[0];
        if (absent(amount)) {
            return NullNode.instance;
        }
        return TextNode.valueOf(exact(amount).toPlainString());
    }

    /** The amount with scale 2; refuses anything else. */
    BigDecimal exact(JsonNode amount) {
        BigDecimal value = amount.isTextual()
                ? Decimals.of(TextNode.valueOf(DECORATION.matcher(amount.textValue()).replaceAll("")))
                : Decimals.of(amount);
        if (value == null) {
            throw refuse(amount, "is not an amount in yuan");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw refuse(amount, "has more than two decimals (yuan have fen and nothing smaller)");
        }
        return value.setScale(2);
    }
}
