package dev.subsidy.gateway.figures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Unit;
import java.math.BigDecimal;
import java.util.List;

/**
 * A figure's value as a person sends it (an entered figure, a count report): a string or a JSON number,
 * never negative, at most 2 decimals (yuan and fen), a whole number for counts, below a bound that fen
 * always fit. Every problem is added to the caller's list with the field name {@code value}.
 */
public final class FigureValue {

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    private FigureValue() {
    }

    /**
     * The value at the metric's scale, or null with the problems added (also null, without a problem of
     * its own, when the metric is unknown: the caller reported that).
     *
     * @param example how a valid value looks, for the message of a value of the wrong JSON type
     */
    public static BigDecimal read(JsonNode v, Metric metric, String example, List<String> problems) {
        if (v == null || v.isNull()) {
            problems.add("value: missing");
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            problems.add("value: must be " + example);
            return null;
        }
        BigDecimal value;
        try {
            value = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
        } catch (NumberFormatException e) {
            problems.add("value: '" + v.asText() + "' is not a decimal number");
            return null;
        }
        if (value.signum() < 0) {
            problems.add("value: must not be negative, not " + value.toPlainString());
            return null;
        }
        if (value.compareTo(LIMIT) >= 0) {
            problems.add("value: " + value.toPlainString() + " is too large");
            return null;
        }
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > 2) {
            problems.add("value: at most 2 decimals, not " + value.toPlainString());
            return null;
        }
        if (metric == null) {
            return null;
        }
        if (metric.unit() == Unit.CNY) {
            return value.setScale(2);
        }
        if (exact.scale() > 0) {
            problems.add("value: " + metric + " is a count, a whole number, not " + value.toPlainString());
            return null;
        }
        return exact.setScale(0);
    }
}
