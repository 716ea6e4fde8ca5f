package dev.subsidy.policy;

import dev.subsidy.model.Figure;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.internal.Evaluator;
import java.util.Collection;
import java.util.Objects;

/**
 * Computes what each subject earns under a policy for a period.
 *
 * <p>The engine is stateless and thread-safe: one instance may serve any number of threads, and the
 * result depends only on the arguments. A preview is the same call on hypothetical figures. Inputs are
 * never modified. Money is exact.
 *
 * <p>Rules are evaluated when their {@link Rule#period() period length} matches the period's (an annual
 * rule for {@code 2026}, not for {@code 2026-10}). A period that does not touch the policy's validity
 * dates yields no lines and one {@link NotComputable} saying so; a period that overlaps them in part is
 * evaluated, because the documents pay on annual figures of the years they cover.
 */
public final class PolicyEngine {

    /**
     * @param policy      a policy loaded by {@link PolicyLoader}
     * @param period      {@code 2026}, {@code 2026-Q4} or {@code 2026-10}
     * @param figures     the period's figures (and, for rules that look at months, the months' figures);
     *                    figures of other subjects or periods are ignored
     * @param subjects    the registry
     * @param priorAwards what was paid in other periods ({@link Evaluation#toRemember()} of earlier closes)
     * @return the award lines and the clauses that could not be computed
     * @throws IllegalArgumentException when the period is not written as above
     */
    public Evaluation evaluate(Policy policy, String period, Collection<Figure> figures, Collection<Subject> subjects,
                               Collection<PriorAward> priorAwards) {
        Objects.requireNonNull(policy, "policy");
        return Evaluator.evaluate(policy, period, figures, subjects, priorAwards);
    }
}
