package dev.subsidy.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Something a rule paid (or decided) for a subject in an earlier period: the memory "for the first time",
 * "one-off" and lifetime caps need across years.
 *
 * <p>The caller stores what {@link Evaluation#toRemember()} returns when it closes a period and hands
 * those back on later evaluations. Prior awards of the period being evaluated are ignored: they are
 * earlier revisions of the lines being computed.
 *
 * @param policy    the policy id
 * @param ruleId    the rule id
 * @param subjectId the subject paid
 * @param period    the period it was paid for
 * @param key       which step (milestones: the step's threshold as written), or which member
 *                  (per-member rules: the member's id); null when the rule pays as a whole
 * @param amount    what was paid; 0 for a step passed but not paid because another rule paid more
 */
public record PriorAward(String policy, String ruleId, String subjectId, String period, String key, BigDecimal amount) {

    public PriorAward {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
    }
}
