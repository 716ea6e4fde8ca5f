package dev.subsidy.policy.internal;

import dev.subsidy.model.Metric;
import dev.subsidy.policy.RuleKind.Milestone;
import dev.subsidy.policy.RuleKind.Repeat;
import dev.subsidy.policy.RuleKind.Step;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A milestone's steps, the written ones followed by the "and so on" ones, as an unbounded ascending ladder. */
final class StepLadder {

    private final List<Step> steps;
    private final Repeat repeat;

    StepLadder(Milestone milestone) {
        this.steps = milestone.steps();
        this.repeat = milestone.repeat();
    }

    /** The i-th step (from 0), or null past the last when nothing repeats. */
    Step step(int i) {
        if (i < steps.size()) {
            return steps.get(i);
        }
        if (repeat == null) {
            return null;
        }
        Step last = steps.get(steps.size() - 1);
        BigDecimal beyond = BigDecimal.valueOf(i - steps.size() + 1L);
        Map.Entry<Metric, BigDecimal> at = last.at().entrySet().iterator().next();
        return new Step(Map.of(at.getKey(), at.getValue().add(repeat.every().multiply(beyond))),
                last.amount().add(repeat.amountIncrement().multiply(beyond)));
    }

    /**
     * Steps further up than this are not steps of any ladder a policy means: no figure passes a
     * million steps, and the index of one so far up would overflow the evaluators' counting.
     */
    static final int MAX_INDEX = 1_000_000;

    /** The index of the step a prior award's key names. */
    Optional<Integer> indexOf(String key) {
        BigDecimal wanted;
        try {
            wanted = new BigDecimal(key);
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        if (!Node.withinBounds(wanted)) {
            // 1e-999999999 is no threshold a policy wrote, and arithmetic on it would not end
            return Optional.empty();
        }
        for (int i = 0; i < steps.size(); i++) {
            int c = steps.get(i).at().values().iterator().next().compareTo(wanted);
            if (c == 0) {
                return Optional.of(i);
            }
            if (c > 0) {
                return Optional.empty();
            }
        }
        if (repeat == null) {
            return Optional.empty();
        }
        // the repeated steps are last + n × every: solved for n rather than counted up to, since a key
        // far up the ladder would take as many steps to count as its n
        BigDecimal last = steps.get(steps.size() - 1).at().values().iterator().next();
        BigDecimal[] n = wanted.subtract(last).divideAndRemainder(repeat.every());
        if (n[1].signum() != 0 || n[0].compareTo(BigDecimal.valueOf(MAX_INDEX - steps.size() + 1L)) > 0) {
            return Optional.empty();
        }
        return Optional.of(steps.size() - 1 + n[0].intValueExact());
    }
}
