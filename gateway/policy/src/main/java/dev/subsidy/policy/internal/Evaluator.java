package dev.subsidy.policy.internal;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.Evaluation;
import dev.subsidy.policy.NotComputable;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.Rule;
import dev.subsidy.policy.RuleKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The implementation behind {@link dev.subsidy.policy.PolicyEngine}: stateless, so shareable across threads. */
public final class Evaluator {

    private static final RuleEvaluator PER_UNIT = new PerUnitEvaluator();
    private static final RuleEvaluator MILESTONE = new MilestoneEvaluator();
    private static final RuleEvaluator PERCENTAGE = new PercentageEvaluator();
    private static final RuleEvaluator FLAT = new FlatEvaluator();
    private static final RuleEvaluator RANKING = new RankingEvaluator();
    private static final RuleEvaluator PER_MEMBER = new PerMemberEvaluator();

    private Evaluator() {
    }

    public static Evaluation evaluate(Policy policy, String periodText, Collection<Figure> figures,
                                      Collection<Subject> subjects, Collection<PriorAward> priorAwards) {
        Period period = Period.parse(periodText);
        if (!policy.validDuring(period.firstDay(), period.lastDay())) {
            String validity = policy.validFrom() + (policy.validTo() == null ? " on" : " to " + policy.validTo());
            return new Evaluation(List.of(), List.of(new NotComputable(policy.id(), null, null,
                    "because period " + period.text() + " lies outside the policy's validity (" + validity + ")")), List.of());
        }
        Inputs in = new Inputs(policy, period, figures, subjects, priorAwards);
        Outcome out = new Outcome();
        for (Rule rule : policy.rules()) {
            if (rule.period() == period.granularity()) {
                evaluatorFor(rule.kind()).evaluate(rule, in, out);
            }
        }
        List<AwardLine> superseded = new ArrayList<>();
        List<AwardLine> lines = Exclusivity.apply(policy.provisions(), out.lines, superseded);
        return new Evaluation(lines, out.notComputable, superseded);
    }

    private static RuleEvaluator evaluatorFor(RuleKind kind) {
        if (kind instanceof RuleKind.PerUnit) {
            return PER_UNIT;
        }
        if (kind instanceof RuleKind.Milestone) {
            return MILESTONE;
        }
        if (kind instanceof RuleKind.Percentage) {
            return PERCENTAGE;
        }
        if (kind instanceof RuleKind.Flat) {
            return FLAT;
        }
        if (kind instanceof RuleKind.Ranking) {
            return RANKING;
        }
        if (kind instanceof RuleKind.PerMember) {
            return PER_MEMBER;
        }
        throw new IllegalStateException("no evaluator for " + kind);
    }
}
