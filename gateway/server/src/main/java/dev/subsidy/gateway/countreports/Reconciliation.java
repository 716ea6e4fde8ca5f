package dev.subsidy.gateway.countreports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A reported total set beside the verified value of the same scope (docs/figures.md "Reported totals"):
 * the difference, its share of the verified value, and a flag when the report exceeds the evidence by
 * more than the tolerance. Reporting less than the evidence is never flagged: the award pays on the
 * evidence either way, and a firm may well count more strictly than the gateway.
 */
final class Reconciliation {

    private final BigDecimal tolerance;

    Reconciliation(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param verified the verified value of the scope, null when it is not computable for it
     * @param share difference ÷ verified, 4 decimals; null when nothing was verified or not computable
     * @param reason why it is flagged, or why there is nothing to compare with; null otherwise
     */
    record Outcome(BigDecimal verified, BigDecimal difference, BigDecimal share, boolean flagged, String reason) {}

    Outcome of(BigDecimal reported, BigDecimal verified, String notComputable) {
        if (verified == null) {
            return new Outcome(null, null, null, false, notComputable);
        }
        BigDecimal difference = reported.subtract(verified);
        if (verified.signum() == 0) {
            boolean flagged = reported.signum() > 0;
            return new Outcome(verified, difference, null, flagged, flagged
                    ? "reported " + reported.toPlainString() + " where the records verified nothing" : null);
        }
        BigDecimal share = difference.divide(verified, 4, RoundingMode.HALF_UP);
        boolean flagged = difference.compareTo(verified.multiply(tolerance)) > 0;
        String reason = flagged ? "reported " + reported.toPlainString() + " exceeds the verified "
                + verified.toPlainString() + " by " + difference.toPlainString() + " (" + percent(share)
                + "), over the tolerance of " + percent(tolerance) : null;
        return new Outcome(verified, difference, share, flagged, reason);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
