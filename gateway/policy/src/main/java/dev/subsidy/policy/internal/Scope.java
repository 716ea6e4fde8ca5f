package dev.subsidy.policy.internal;

import dev.subsidy.model.Basis;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.Condition;
import dev.subsidy.policy.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One subject under one rule: reads its figures (recording each one used as basis) and tests conditions
 * on it. Member scopes share the payee's basis, since the payee's line is computed from them.
 */
final class Scope {

    /** A figure's value, or why it is unknown. */
    record Value(BigDecimal value, String missing) {
        boolean known() {
            return value != null;
        }
    }

    final Inputs in;
    final Rule rule;
    final Subject subject;
    private final Map<String, Basis> basis;

    Scope(Inputs in, Rule rule, Subject subject) {
        this(in, rule, subject, new LinkedHashMap<>());
    }

    private Scope(Inputs in, Rule rule, Subject subject, Map<String, Basis> basis) {
        this.in = in;
        this.rule = rule;
        this.subject = subject;
        this.basis = basis;
    }

    Scope forMember(Subject member) {
        return new Scope(in, rule, member, basis);
    }

    List<Basis> basis() {
        return List.copyOf(basis.values());
    }

    List<PriorAward> priorAwards() {
        return in.priorAwards(rule.id(), subject.id());
    }

    Value value(Metric metric) {
        return value(metric, in.period.text());
    }

    /**
     * A feed figure that was not published counted no record, so it is 0; an administrator figure that was
     * not entered is unknown.
     */
    Value value(Metric metric, String period) {
        Optional<Figure> found = in.figures.find(subject.id(), metric, period);
        if (found.isPresent()) {
            Figure f = found.get();
            basis.putIfAbsent(f.figureId(), new Basis(f.figureId(), f.metric(), f.value(), f.revision()));
            return new Value(f.value(), null);
        }
        if (metric.source() == Metric.Source.FEED) {
            return new Value(BigDecimal.ZERO, null);
        }
        return new Value(null, metric + " of " + who() + " for " + period + " has not been entered");
    }

    String who() {
        return subject.name() == null ? subject.id() : subject.displayName() + " (" + subject.id() + ")";
    }

    Verdict all(List<Condition> conditions) {
        Verdict v = Verdict.trueBecause(null);
        for (Condition c : conditions) {
            v = v.and(test(c));
        }
        return v;
    }

    Verdict test(Condition c) {
        return Conditions.test(c, this);
    }

    /** Formats the facts of a true verdict: "SALES_NET 250000 ≥ 200000 and ORDERS 1200 ≥ 1000". */
    static String facts(Verdict v) {
        List<String> facts = new ArrayList<>(v.notes());
        return String.join(" and ", facts);
    }
}
