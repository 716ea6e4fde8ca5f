package dev.subsidy.gateway.awards;

import dev.subsidy.gateway.figures.PublishedFigure;
import java.util.List;

/**
 * Turns a closed period's figures into award lines (奖补). The policy engine provides the real one;
 * until a policy is configured there are no award lines.
 */
public interface AwardCalculator {

    /**
     * @param figures every published figure of the period, at its current revision
     * @return the period's award lines, each as it would be pushed (award-intake.md)
     */
    List<AwardLine> awards(String period, List<PublishedFigure> figures);
}
