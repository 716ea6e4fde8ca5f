/**
 * The policy engine: subsidy policies as configuration, evaluated into award lines with their reasons.
 *
 * <p>A {@link dev.subsidy.policy.Policy} is one jurisdiction's policy document, read from YAML by
 * {@link dev.subsidy.policy.PolicyLoader}. {@link dev.subsidy.policy.PolicyEngine#evaluate} turns a
 * period's verified {@link dev.subsidy.model.Figure figures}, the registry's
 * {@link dev.subsidy.model.Subject subjects} and the {@link dev.subsidy.model.PriorAward awards paid
 * before} into {@link dev.subsidy.model.AwardLine award lines} and a list of
 * {@link dev.subsidy.policy.NotComputable clauses that could not be computed}.
 *
 * <p>Everything here is a pure function of its inputs: no database, no clock, no framework. All types
 * are immutable and thread-safe. Money is exact ({@link java.math.BigDecimal}, never
 * {@code double}); amounts carry scale 2 and are in the policy's currency (CNY).
 */
package dev.subsidy.policy;
