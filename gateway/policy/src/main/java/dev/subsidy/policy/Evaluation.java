package dev.subsidy.policy;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.PriorAward;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result of evaluating one policy for one period.
 *
 * @param lines         the award lines, amount greater than zero, in the order of the policy's rules
 * @param notComputable the clauses whose inputs are missing, each with its reason
 * @param superseded    lines not paid because an exclusivity provision chose a higher line for the same
 *                      subject; kept so auditors see them and so their steps count as passed
 */
public record Evaluation(List<AwardLine> lines, List<NotComputable> notComputable, List<AwardLine> superseded) {

    public Evaluation {
        lines = List.copyOf(lines);
        notComputable = List.copyOf(notComputable);
        superseded = List.copyOf(superseded);
    }

    /** The sum of all lines. */
    public BigDecimal total() {
        return lines.stream().map(AwardLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /**
     * What to store when the period is closed and hand back as {@link PriorAward}s later: the paid lines'
     * parts, and the superseded lines' parts with amount 0 (passed, but not paid).
     */
    public List<PriorAward> toRemember() {
        Stream<PriorAward> paid = lines.stream().flatMap(l -> l.toPriorAwards().stream());
        Stream<PriorAward> passed = superseded.stream().flatMap(l -> l.toPriorAwards().stream())
                .map(p -> new PriorAward(p.policy(), p.ruleId(), p.subjectId(), p.period(), p.key(), BigDecimal.ZERO.setScale(2)));
        return Stream.concat(paid, passed).toList();
    }
}
