package dev.subsidy.gateway.awards;

import java.util.List;

/** One award line as award-intake.md defines it. The revision is set when it is published. */
public record AwardLine(String awardId, String policy, String clause, Subject subject, String period, String amount,
                        String currency, int revision, List<Basis> basis, String explanation) {

    public record Subject(String type, String id, String name) {}

    public record Basis(String figureId, String metric, String value, int revision) {}

    public AwardLine withRevision(int next) {
        return new AwardLine(awardId, policy, clause, subject, period, amount, currency, next, basis, explanation);
    }
}
