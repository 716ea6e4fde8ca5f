package dev.subsidy.policy.internal;

import dev.subsidy.model.Figure;
import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.policy.Condition;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.Provision;
import dev.subsidy.policy.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Everything one evaluation reads, indexed once; immutable for the evaluation's life. */
final class Inputs {

    final Policy policy;
    final Period period;
    final FigureIndex figures;
    private final List<Subject> subjects;
    private final List<PriorAward> prior;

    Inputs(Policy policy, Period period, Collection<Figure> figures, Collection<Subject> subjects,
           Collection<PriorAward> prior) {
        this.policy = policy;
        this.period = period;
        this.figures = new FigureIndex(figures);
        this.subjects = subjects.stream().sorted(Comparator.comparing(Subject::id)).toList();
        // A prior award of the period being evaluated is an earlier revision of a line being recomputed.
        this.prior = prior.stream()
                .filter(p -> p.policy().equals(policy.id()) && !p.period().equals(period.text()))
                .toList();
    }

    List<Subject> subjectsOf(SubjectType type) {
        return subjects.stream().filter(s -> s.type() == type).toList();
    }

    List<PriorAward> priorAwards(String ruleId, String subjectId) {
        return prior.stream().filter(p -> p.ruleId().equals(ruleId) && p.subjectId().equals(subjectId)).toList();
    }

    /** The rule's own eligibility and that of every provision applying to it. */
    List<Condition> eligibility(Rule rule) {
        List<Condition> all = new ArrayList<>(rule.eligibility());
        for (Provision p : policy.provisions()) {
            if (p.appliesTo(rule.id())) {
                all.addAll(p.eligibility());
            }
        }
        return all;
    }

    Scope scope(Rule rule, Subject subject) {
        return new Scope(this, rule, subject);
    }
}
