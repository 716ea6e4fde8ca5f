package dev.subsidy.policy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are written in explanations: counts and thresholds plain, money and rates with two decimals. */
final class Fmt {

    private Fmt() {
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String percent(BigDecimal rate) {
        return plain(rate.movePointRight(2)) + "%";
    }
}
