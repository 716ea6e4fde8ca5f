package dev.subsidy.gateway.awards;

import dev.subsidy.figures.PublishedFigure;
import dev.subsidy.model.Period;
import java.util.List;

/**
 * Turns a closed period's figures into award lines (奖补). Called inside the period close's
 * transaction, so whatever it remembers for later periods commits with the figures.
 */
public interface AwardCalculator {

    /**
     * @param figures every published figure of the period, at its current revision
     */
    Awards awards(Period period, List<PublishedFigure> figures);

    /**
     * The period's award lines (including 0.00 withdrawals of lines published earlier that are no longer
     * earned), and the clauses that could not be computed with the reason.
     */
    record Awards(List<PublishedAwardLine> lines, List<String> notComputable) {
        public static Awards none() {
            return new Awards(List.of(), List.of());
        }
    }
}
