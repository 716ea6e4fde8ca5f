package dev.subsidy.verification.fraud;

import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.TrustLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * source.conflict (来源冲突): a version of a record overturns a protected fact another version stated
 * — a parcel's origin or direction, an order's refund or cancellation. A less trusted source may add
 * facts; it may not overturn a more trusted one's, nor may two sources of equal standing silently
 * disagree, nor may any source quietly undo a refund, a cancellation or an outside origin it reported
 * itself. The record is SUSPECT naming both sources; figures never count it until a reviewer decides.
 */
final class SourceConflictRule implements FraudRule {

    @Override
    public void apply(Evidence evidence, Thresholds t, Flags flags) {
        Jurisdiction j = evidence.jurisdiction();
        for (ShipmentVerdict s : evidence.shipments()) {
            List<SourceVersion<Shipment>> history = evidence.shipmentHistory().get(s.key());
            if (history != null) {
                check(evidence, history, r -> placement(evidence, j, r), false)
                        .ifPresent(reason -> flags.parcel(s, Finding.suspect(Rules.SOURCE_CONFLICT, reason)));
            }
        }
        for (OrderVerdict o : evidence.orders()) {
            List<SourceVersion<SalesOrder>> history = evidence.orderHistory().get(o.key());
            if (history != null) {
                check(evidence, history, SourceConflictRule::settlement, true)
                        .ifPresent(reason -> flags.order(o, Finding.suspect(Rules.SOURCE_CONFLICT, reason)));
            }
        }
    }

    /**
     * The first conflict between the current version and an earlier or other one, as a reason.
     *
     * @param fact the protected fact of a version; a version stating it "better" for a claim is
     *     {@link Fact#favours}
     */
    private static <T> java.util.Optional<String> check(Evidence evidence, List<SourceVersion<T>> history,
                                                        Function<T, Fact> fact, boolean order) {
        SourceVersion<T> current = history.stream().filter(SourceVersion::current).findFirst().orElse(null);
        if (current == null) {
            return java.util.Optional.empty();
        }
        Fact now = fact.apply(current.record());
        TrustLevel currentTrust = evidence.trust(current.connector());
        for (SourceVersion<T> v : history) {
            if (v == current) {
                continue;
            }
            Fact then = fact.apply(v.record());
            if (then.text() == null || now.text() == null || then.rank() == now.rank()) {
                continue;
            }
            TrustLevel otherTrust = evidence.trust(v.connector());
            boolean sameSource = v.connector().equals(current.connector());
            String both = v.connector() + " (" + otherTrust.describe() + ") says " + then.text() + "; "
                    + current.connector() + " (" + currentTrust.describe() + ") says " + now.text();
            if (!sameSource && otherTrust.above(currentTrust)) {
                return java.util.Optional.of((order ? "refund or cancellation" : "origin or direction")
                        + " overturned by a less trusted source: " + both + " — the trusted fact stands");
            }
            if (!sameSource && otherTrust == currentTrust) {
                return java.util.Optional.of("sources of equal standing disagree: " + both);
            }
            if (now.favours(then)) {
                return java.util.Optional.of((sameSource ? "undone by a later version from the same source: "
                        : "overturned by another source: ") + both);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A protected fact as text (null when the version cannot tell) and its rank, which is what versions
     * are compared on: the higher, the more a claim gains from it.
     */
    record Fact(String text, int rank) {
        boolean favours(Fact other) {
            return rank > other.rank;
        }
    }

    private static Fact placement(Evidence evidence, Jurisdiction j, Shipment r) {
        String origin = evidence.originOf(r);
        if (origin == null) {
            return new Fact(null, 0);
        }
        boolean inside = j.contains(origin);
        return new Fact("origin " + origin + " (" + (inside ? "inside" : "outside") + ")", inside ? 1 : 0);
    }

    private static Fact settlement(SalesOrder r) {
        if (r.status() == OrderStatus.CANCELLED) {
            return new Fact("CANCELLED", 0);
        }
        BigDecimal refunded = r.refundedAmount() == null ? BigDecimal.ZERO : r.refundedAmount();
        if (r.status() == OrderStatus.REFUNDED || refunded.signum() > 0 || r.refundStatus() != null && r.refundStatus().refunded()) {
            return new Fact("refunded " + refunded.toPlainString() + " of " + r.amount().toPlainString(), 1);
        }
        return new Fact("not refunded (" + r.status() + ")", 2);
    }
}
