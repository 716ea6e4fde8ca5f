package dev.subsidy.policy.internal;

import dev.subsidy.policy.Metric;
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

    /** The index of the step a prior award's key names. */
    Optional<Integer> indexOf(String key) {
        BigDecimal wanted;
        try {
            wanted = new BigDecimal(key);
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        for (int i = 0; ; i++) {
            Step s = step(i);
            if (s == null) {
                return Optional.empty();
            }
            int c = s.at().values().iterator().next().compareTo(wanted);
            if (c == 0) {
                return Optional.of(i);
            }
            if (c > 0) {
                return Optional.empty();
            }
        }
    }
}
