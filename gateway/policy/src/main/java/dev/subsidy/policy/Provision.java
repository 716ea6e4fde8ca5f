package dev.subsidy.policy;

import java.util.List;

/**
 * A clause that constrains other rules rather than paying by itself.
 *
 * <p>{@code exclusive}: for the same subject and period, only the highest line among these rules is
 * paid; the others are {@linkplain Evaluation#superseded() superseded} (不重复享受，按最高标准执行).
 * {@code eligibility}: conditions every rule in {@code appliesTo} (all rules when empty) also requires,
 * for example losing eligibility in a year of fraud.
 */
public record Provision(String id, String clause, List<String> exclusive, List<Condition> eligibility, List<String> appliesTo) {

    public Provision {
        exclusive = List.copyOf(exclusive);
        eligibility = List.copyOf(eligibility);
        appliesTo = List.copyOf(appliesTo);
    }

    /** Whether this provision's eligibility applies to the rule. */
    public boolean appliesTo(String ruleId) {
        return appliesTo.isEmpty() || appliesTo.contains(ruleId);
    }
}
