package dev.subsidy.policy.internal;

import dev.subsidy.model.Payment;
import dev.subsidy.policy.RuleKind.PerUnit;
import dev.subsidy.policy.RuleKind.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Per unit with a threshold and marginal tiers: "10000 × 1.00 + 2000 × 1.50". */
final class PerUnitEvaluator extends PerSubjectEvaluator {

    static final String READING = "marginal tiers: each tier's rate applies to the units within it;"
            + " below the threshold nothing, once it is reached every unit counts from the first";

    @Override
    Computation compute(Scope scope) {
        PerUnit k = (PerUnit) scope.rule.kind();
        Scope.Value v = scope.value(k.metric());
        if (!v.known()) {
            return new Computation.Missing(List.of(v.missing()));
        }
        BigDecimal units = v.value();
        if (units.signum() <= 0 || units.compareTo(k.threshold()) < 0) {
            return Computation.NOTHING;
        }
        BigDecimal amount = BigDecimal.ZERO;
        List<String> terms = new ArrayList<>();
        for (Tier tier : k.tiers()) {
            if (units.compareTo(tier.from()) <= 0) {
                break;
            }
            BigDecimal top = tier.upTo() == null ? units : units.min(tier.upTo());
            BigDecimal within = top.subtract(tier.from());
            amount = amount.add(within.multiply(tier.rate()));
            terms.add(Fmt.plain(within) + " × " + Fmt.money(tier.rate()));
        }
        String explanation = String.join(" + ", terms);
        String reading = READING;
        if (k.cap() != null && amount.compareTo(k.cap()) > 0) {
            explanation += " = " + Fmt.money(amount) + ", capped at " + Fmt.money(k.cap());
            amount = k.cap();
        }
        if (k.threshold().signum() > 0) {
            reading += " (threshold " + Fmt.plain(k.threshold()) + " " + k.metric() + ")";
        }
        amount = Lines.money(amount);
        return new Computation.Award(amount, explanation, reading, List.of(new Payment(null, amount)));
    }
}
