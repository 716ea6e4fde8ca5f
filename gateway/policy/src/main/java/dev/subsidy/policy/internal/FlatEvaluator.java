package dev.subsidy.policy.internal;

import dev.subsidy.model.Payment;
import dev.subsidy.policy.RuleKind.Flat;
import java.util.List;

/** A flat amount when the conditions (AND, with OR inside) hold; one-off amounts only once per subject. */
final class FlatEvaluator extends PerSubjectEvaluator {

    @Override
    Computation compute(Scope scope) {
        Flat k = (Flat) scope.rule.kind();
        if (k.oneOff() && !scope.priorAwards().isEmpty()) {
            return Computation.NOTHING;
        }
        Verdict when = scope.all(k.when());
        if (when.isFalse()) {
            return Computation.NOTHING;
        }
        if (when.isUnknown()) {
            return new Computation.Missing(when.notes());
        }
        String explanation = Scope.facts(when) + " → " + Fmt.money(k.amount());
        String reading = "flat amount when the conditions hold" + (k.oneOff() ? "; one-off: paid once per subject" : "");
        return new Computation.Award(Lines.money(k.amount()), explanation, reading,
                List.of(new Payment(null, Lines.money(k.amount()))));
    }
}
