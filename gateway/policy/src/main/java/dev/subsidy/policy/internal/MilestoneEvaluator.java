package dev.subsidy.policy.internal;

import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.PriorAward;
import dev.subsidy.policy.RuleKind.Milestone;
import dev.subsidy.policy.RuleKind.Step;
import dev.subsidy.policy.Stacking;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps passed for the first time. What was passed before is the highest step any prior award of the rule
 * names: a step below one already paid was passed then, whether it was paid or not.
 */
final class MilestoneEvaluator extends PerSubjectEvaluator {

    /** More steps than any policy pays in one period. */
    static final int MAX_STEPS_AT_ONCE = 1000;

    @Override
    Computation compute(Scope scope) {
        Milestone k = (Milestone) scope.rule.kind();
        StepLadder ladder = new StepLadder(k);

        int passedBefore = -1;
        for (PriorAward p : scope.priorAwards()) {
            var index = ladder.indexOf(p.key());
            if (index.isEmpty()) {
                return new Computation.Missing(List.of("prior award key " + p.key() + " of " + p.period()
                        + " is not a step of " + scope.rule.id()));
            }
            passedBefore = Math.max(passedBefore, index.get());
        }

        Map<Metric, Scope.Value> values = new LinkedHashMap<>();
        for (Metric m : k.steps().get(0).at().keySet()) {
            values.put(m, scope.value(m));
        }
        boolean multi = values.size() > 1;
        List<Integer> passed = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = passedBefore + 1; ; i++) {
            Step step = ladder.step(i);
            if (step == null) {
                break;
            }
            Verdict v = passes(step, values, k.thresholdFactor(), multi);
            if (v.isUnknown()) {
                return new Computation.Missing(v.notes());
            }
            if (v.isFalse()) {
                break;
            }
            if (passed.size() == MAX_STEPS_AT_ONCE) {
                // a repeat far smaller than the figure: counting its steps one by one would not end in
                // time, and thousands of award lines for one subject help nobody
                return new Computation.Missing(List.of("the figures pass more than " + MAX_STEPS_AT_ONCE + " steps of "
                        + scope.rule.id() + " at once" + (k.repeat() == null ? "" : " (repeat every "
                        + Fmt.plain(k.repeat().every()) + ")") + ": the rule's steps do not fit these figures"));
            }
            passed.add(i);
            labels.add(v.notes().get(0));
        }
        if (passed.isEmpty()) {
            return Computation.NOTHING;
        }

        Verdict doubled = k.amountFactor() == null ? Verdict.FALSE : scope.all(k.amountFactor().when());
        if (doubled.isUnknown()) {
            return new Computation.Missing(doubled.notes());
        }
        BigDecimal factor = doubled.isTrue() ? k.amountFactor().factor() : BigDecimal.ONE;

        List<Payment> payments = new ArrayList<>();
        StringBuilder explanation = new StringBuilder(describe(values)).append(": first time ")
                .append(String.join(", ", labels)).append(" → ");
        if (k.stacking() == Stacking.HIGHEST_ONLY) {
            Step highest = ladder.step(passed.get(passed.size() - 1));
            payments.add(new Payment(highest.key(), Lines.money(highest.amount().multiply(factor))));
            explanation.append(passed.size() > 1 ? "highest only " : "").append(Fmt.money(highest.amount()));
        } else {
            List<String> amounts = new ArrayList<>();
            for (int i : passed) {
                Step step = ladder.step(i);
                payments.add(new Payment(step.key(), Lines.money(step.amount().multiply(factor))));
                amounts.add(Fmt.money(step.amount()));
            }
            explanation.append(String.join(" + ", amounts));
        }
        BigDecimal amount = Lines.money(payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        if (factor.compareTo(BigDecimal.ONE) != 0) {
            explanation.append(" × ").append(Fmt.plain(factor)).append(" (").append(Scope.facts(doubled))
                    .append(") = ").append(Fmt.money(amount));
        }
        if (passedBefore >= 0) {
            Step before = ladder.step(passedBefore);
            explanation.append(" (passed before: up to ").append(Fmt.plain(before.at().values().iterator().next()))
                    .append(")");
        }
        return new Computation.Award(amount, explanation.toString(), reading(k), payments);
    }

    private static Verdict passes(Step step, Map<Metric, Scope.Value> values, BigDecimal thresholdFactor, boolean multi) {
        Verdict v = Verdict.FALSE;
        for (Map.Entry<Metric, BigDecimal> at : step.at().entrySet()) {
            Scope.Value value = values.get(at.getKey());
            if (!value.known()) {
                v = v.or(Verdict.unknown(value.missing()));
                continue;
            }
            BigDecimal threshold = at.getValue().multiply(thresholdFactor);
            String label = (multi ? at.getKey() + " " : "") + "≥ " + Fmt.plain(threshold)
                    + (thresholdFactor.compareTo(BigDecimal.ONE) == 0 ? ""
                    : " (" + Fmt.plain(at.getValue()) + " × " + Fmt.plain(thresholdFactor) + ")");
            v = v.or(Verdict.of(value.value().compareTo(threshold) >= 0, label));
        }
        return v;
    }

    private static String describe(Map<Metric, Scope.Value> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((m, v) -> parts.add(m + " " + (v.known() ? Fmt.plain(v.value()) : "not entered")));
        return String.join(", ", parts);
    }

    private static String reading(Milestone k) {
        String reading = k.stacking().reading() + "; each step paid once, the first time it is passed";
        if (k.repeat() != null) {
            reading += "; and so on: every further " + Fmt.plain(k.repeat().every()) + " is a step paying "
                    + Fmt.money(k.repeat().amountIncrement()) + " more";
        }
        if (k.thresholdFactor().compareTo(BigDecimal.ONE) != 0) {
            reading += "; thresholds lowered by the configured factor " + Fmt.plain(k.thresholdFactor());
        }
        return reading;
    }
}
