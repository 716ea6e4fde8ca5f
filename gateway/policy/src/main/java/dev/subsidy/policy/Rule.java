package dev.subsidy.policy;

import dev.subsidy.model.Granularity;
import dev.subsidy.model.SubjectType;
import java.util.List;
import java.util.Objects;

/**
 * One data-driven clause: who it pays, who is eligible, and how the amount follows from figures.
 *
 * @param id          globally unique, e.g. {@code cj-express-parcel}
 * @param clause      the document's own numbering, e.g. 三(二)2
 * @param title       a short description
 * @param subject     the type of subject paid
 * @param period      the period length the rule is evaluated for (most are annual)
 * @param eligibility registry facts (and figures) every paid subject must satisfy; all must hold
 * @param kind        how the amount is computed, with its parameters
 */
public record Rule(
        String id,
        String clause,
        String title,
        SubjectType subject,
        Granularity period,
        List<Condition> eligibility,
        RuleKind kind) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kind, "kind");
        eligibility = List.copyOf(eligibility);
    }
}
