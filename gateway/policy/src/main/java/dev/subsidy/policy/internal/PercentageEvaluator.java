package dev.subsidy.policy.internal;

import dev.subsidy.model.Payment;
import dev.subsidy.model.PriorAward;
import dev.subsidy.policy.CapScope;
import dev.subsidy.policy.RuleKind.Percentage;
import dev.subsidy.policy.RuleKind.Rate;
import java.math.BigDecimal;
import java.util.List;

/** A percentage of a figure when the conditions hold, capped: "INVOICED_SALES 25000000 × 2% = 500000.00, capped at 200000.00". */
final class PercentageEvaluator extends PerSubjectEvaluator {

    @Override
    Computation compute(Scope scope) {
        Percentage k = (Percentage) scope.rule.kind();
        Verdict when = scope.all(k.when());
        if (when.isFalse()) {
            return Computation.NOTHING;
        }
        Scope.Value base = scope.value(k.of());
        if (when.isUnknown() || !base.known()) {
            return new Computation.Missing(base.known() ? when.notes() : List.of(base.missing()));
        }
        BigDecimal rate = k.rate();
        String rateNote = "";
        for (Rate alternative : k.rates()) {
            Verdict v = scope.all(alternative.when());
            if (v.isUnknown()) {
                return new Computation.Missing(v.notes());
            }
            if (v.isTrue()) {
                rate = alternative.rate();
                rateNote = " (" + Scope.facts(v) + ")";
                break;
            }
        }
        BigDecimal amount = Lines.money(base.value().multiply(rate));
        String explanation = k.of() + " " + Fmt.plain(base.value()) + " × " + Fmt.percent(rate) + rateNote
                + " = " + Fmt.money(amount);
        String facts = Scope.facts(when);
        if (!facts.isEmpty()) {
            explanation = facts + "; " + explanation;
        }
        if (k.cap() != null) {
            BigDecimal room = k.cap();
            if (k.capScope() == CapScope.POLICY) {
                BigDecimal before = scope.priorAwards().stream().map(PriorAward::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                room = k.cap().subtract(before).max(BigDecimal.ZERO);
                if (before.signum() > 0) {
                    explanation += "; " + Fmt.money(before) + " paid before";
                }
            }
            if (amount.compareTo(room) > 0) {
                amount = Lines.money(room);
                explanation += ", capped at " + Fmt.money(k.cap());
            }
        }
        String reading = "percentage of " + k.of() + ", capped at " + (k.cap() == null ? "nothing" : Fmt.money(k.cap()))
                + (k.capScope() == CapScope.POLICY ? " in total" : " a period");
        return new Computation.Award(amount, explanation, reading, List.of(new Payment(null, amount)));
    }
}
