package dev.subsidy.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one subject earns under one rule for one period, with the figures it was computed from and an
 * explanation a person can check by hand.
 *
 * <p>In the award intake's JSON, {@code policy} there is this line's {@link #ruleId()} (for example
 * {@code cj-express-parcel}); this record also keeps the policy document's id. The intake's
 * {@code revision} is numbered by whoever stores the lines: a line whose basis changes is a new revision
 * of the same {@link #awardId()}.
 *
 * @param awardId     stable for (policy, rule, subject, period)
 * @param policy      the policy document's id
 * @param clause      the document's own numbering, e.g. 三(二)2
 * @param ruleId      the rule's id, e.g. cj-express-parcel
 * @param subject     who is paid
 * @param period      the period paid for
 * @param amount      exact, scale 2, greater than zero
 * @param currency    CNY
 * @param basis       the figures used
 * @param explanation the arithmetic, e.g. "10000 × 1.00 + 2000 × 1.50"
 * @param reading     which interpretation of the text produced it, e.g. "steps stack: …"
 * @param payments    the parts to remember for later periods; they add up to {@code amount}
 */
public record AwardLine(
        String awardId,
        String policy,
        String clause,
        String ruleId,
        SubjectRef subject,
        String period,
        BigDecimal amount,
        String currency,
        List<Basis> basis,
        String explanation,
        String reading,
        List<Payment> payments) {

    public AwardLine {
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(amount, "amount");
        basis = List.copyOf(basis);
        payments = List.copyOf(payments);
    }

    /** The prior awards later periods need to know this line was paid. */
    public List<PriorAward> toPriorAwards() {
        return payments.stream()
                .map(p -> new PriorAward(policy, ruleId, subject.id(), period, p.key(), p.amount()))
                .toList();
    }
}
