package dev.subsidy.policy;

/**
 * A clause that produced no award because an input it needs is missing — never silently skipped.
 *
 * @param policy    the policy id
 * @param ruleId    the rule, or null when the whole policy could not be applied (period outside validity)
 * @param subjectId the subject, or null when the rule could not be computed for anyone
 * @param reason    starts with "because …" and names what is missing
 */
public record NotComputable(String policy, String ruleId, String subjectId, String reason) {
}
