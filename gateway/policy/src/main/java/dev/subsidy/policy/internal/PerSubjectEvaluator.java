package dev.subsidy.policy.internal;

import dev.subsidy.model.Subject;
import dev.subsidy.policy.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The loop every rule that pays subjects one by one shares: eligibility first, then the amount. An
 * unknown eligibility only matters when the amount would be positive, so a registry gap is reported where
 * it stops a payment, not for every subject.
 */
abstract class PerSubjectEvaluator implements RuleEvaluator {

    abstract Computation compute(Scope scope);

    @Override
    public final void evaluate(Rule rule, Inputs in, Outcome out) {
        for (Subject subject : in.subjectsOf(rule.subject())) {
            Scope scope = in.scope(rule, subject);
            Verdict eligible = scope.all(in.eligibility(rule));
            if (eligible.isFalse()) {
                continue;
            }
            Computation c = compute(scope);
            if (c instanceof Computation.Missing missing) {
                List<String> reasons = new ArrayList<>(eligible.isUnknown() ? eligible.notes() : List.of());
                reasons.addAll(missing.reasons());
                out.notComputable.add(Lines.notComputable(in, rule, subject.id(), reasons));
            } else if (c instanceof Computation.Award award && award.amount().signum() > 0) {
                if (eligible.isUnknown()) {
                    out.notComputable.add(Lines.notComputable(in, rule, subject.id(), eligible.notes()));
                } else {
                    out.lines.add(Lines.line(in, rule, subject, award, scope.basis()));
                    if (!award.incomplete().isEmpty()) {
                        out.notComputable.add(Lines.notComputable(in, rule, subject.id(), award.incomplete()));
                    }
                }
            }
        }
    }
}
