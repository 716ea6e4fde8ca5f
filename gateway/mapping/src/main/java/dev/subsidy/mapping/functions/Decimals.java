package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Exact decimals from JSON numbers or text. Stateless. */
final class Decimals {

    private Decimals() {}

    /**
     * The exact value, or {@code null} when the node is neither a number nor decimal text. A double
     * (from a parser not set to read decimals exactly) is taken by its shortest decimal form, which
     * is what the partner wrote: {@code 200.07}, not {@code 200.069999…}.
     */
    static BigDecimal of(JsonNode node) {
        if (node.isNumber()) {
            return node.isDouble() || node.isFloat() ? new BigDecimal(node.asText()) : node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether the value has no fraction ({@code 15}, {@code 15.00}). */
    static boolean whole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
