package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * {@code yuan-sum(amounts)}: the exact sum of an array of yuan amounts (numbers or text, as
 * {@code yuan} reads them; nulls skipped), {@code "0.00"} for an empty array. JSLT's own
 * {@code sum} adds doubles, which is not good enough for money.
 */
final class YuanSum extends SimpleFunction {

    private final Yuan yuan = new Yuan();

    YuanSum() {
        super("yuan-sum", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode amounts = arguments[0];
        if (amounts == null || amounts.isNull() || amounts.isMissingNode()) {
            return NullNode.instance;
        }
        if (!amounts.isArray()) {
            throw refuse(amounts, "is not an array of amounts");
        }
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (JsonNode amount : amounts) {
            if (!absent(amount)) {
                total = total.add(yuan.exact(amount));
            }
        }
        return TextNode.valueOf(total.toPlainString());
    }
}
