package dev.subsidy.gateway.awards;

import dev.subsidy.model.SubjectRef;
import java.util.List;

/**
 * One award line as docs/award-intake.md defines it ({@code policy} is the rule's id, e.g.
 * {@code cj-express-parcel}), plus {@code reading}: which interpretation of an ambiguous text
 * produced it. The revision is set when it is published.
 */
public record PublishedAwardLine(String awardId, String policy, String clause, SubjectRef subject, String period, String amount,
                        String currency, int revision, List<Basis> basis, String explanation, String reading) {

    public record Basis(String figureId, String metric, String value, int revision) {}

    public PublishedAwardLine withRevision(int next) {
        return new PublishedAwardLine(awardId, policy, clause, subject, period, amount, currency, next, basis, explanation, reading);
    }
}
