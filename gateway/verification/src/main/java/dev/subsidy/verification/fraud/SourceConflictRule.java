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
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Jurisdiction j = facts.jurisdiction();
        // few records have a second version: a period without any is not walked record by record
        for (ShipmentVerdict s : facts.shipmentHistory().isEmpty() ? List.<ShipmentVerdict>of() : facts.shipments()) {
            List<SourceVersion<Shipment>> history = facts.shipmentHistory().get(s.key());
            if (history != null) {
                check(facts, history, r -> placement(facts, j, r), false)
                        .ifPresent(reason -> flags.parcel(s, Finding.suspect(Rules.SOURCE_CONFLICT, reason)));
            }
        }
        for (OrderVerdict o : facts.orderHistory().isEmpty() ? List.<OrderVerdict>of() : facts.orders()) {
            List<SourceVersion<SalesOrder>> history = facts.orderHistory().get(o.key());
            if (history != null) {
                check(facts, history, SourceConflictRule::settlement, true)
                        .ifPresent(reason -> flags.order(o, Finding.suspect(Rules.SOURCE_CONFLICT, reason)));
            }
        }
    }

    /**
     * The first conflict in a record's history, as a reason: two sources stating different protected
     * facts (whichever arrived last: a less trusted source is never allowed to overturn a more trusted
     * one, and equal ones disagreeing is for a reviewer), or one source's later version moving the fact
     * the way a claim gains from.
     */
    private static <T> java.util.Optional<String> check(PeriodFacts facts, List<SourceVersion<T>> history,
                                                        Function<T, Fact> fact, boolean order) {
        String what = order ? "refund or cancellation" : "origin or direction";
        for (int later = 1; later < history.size(); later++) {
            SourceVersion<T> b = history.get(later);
            Fact fb = fact.apply(b.record());
            for (int earlier = 0; earlier < later; earlier++) {
                SourceVersion<T> a = history.get(earlier);
                Fact fa = fact.apply(a.record());
                if (fa.text() == null || fb.text() == null || fa.rank() == fb.rank()) {
                    continue;
                }
                TrustLevel ta = facts.trust(a.connector());
                TrustLevel tb = facts.trust(b.connector());
                String both = a.connector() + " (" + ta.describe() + ") says " + fa.text() + "; " + b.connector() + " ("
                        + tb.describe() + ") says " + fb.text();
                if (!a.connector().equals(b.connector())) {
                    if (ta == tb) {
                        return java.util.Optional.of(what + ": sources of equal standing disagree: " + both);
                    }
                    String trusted = ta.above(tb) ? a.connector() : b.connector();
                    return java.util.Optional.of(what + " contradicted by a less trusted source: " + both + " — "
                            + trusted + "'s fact stands");
                }
                if (fb.favours(fa)) {
                    return java.util.Optional.of(what + " undone by a later version from the same source: " + both);
                }
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

    private static Fact placement(PeriodFacts facts, Jurisdiction j, Shipment r) {
        String origin = facts.originOf(r);
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
