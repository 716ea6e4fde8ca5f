package dev.subsidy.policy;

import dev.subsidy.model.Metric;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a rule's amount follows from figures, with its parameters. Amounts are CNY, exact. */
public sealed interface RuleKind {

    /**
     * So much per unit, with marginal tiers: each tier's rate applies to the units within it. Nothing is
     * paid below {@code threshold}; once it is reached, every unit counts, from the first.
     *
     * @param cap null when uncapped
     */
    record PerUnit(Metric metric, BigDecimal threshold, List<Tier> tiers, BigDecimal cap) implements RuleKind {
        public PerUnit {
            tiers = List.copyOf(tiers);
        }
    }

    /** Units above {@code from} up to {@code upTo} (null: no upper end) pay {@code rate} each. */
    record Tier(BigDecimal from, BigDecimal upTo, BigDecimal rate) {
    }

    /**
     * Steps passed for the first time across periods, each paid once (首次突破 … 一次性奖励).
     *
     * @param steps           ascending
     * @param repeat          "and so on" (以此类推): further steps beyond the last; null when none
     * @param stacking        whether all newly passed steps pay, or only the highest
     * @param thresholdFactor every threshold is multiplied by this (门槛适当降低); 1 when not lowered
     * @param amountFactor    amounts are multiplied when its conditions hold (双倍补助); null when none
     */
    record Milestone(List<Step> steps, Repeat repeat, Stacking stacking, BigDecimal thresholdFactor, Factor amountFactor)
            implements RuleKind {
        public Milestone {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A step is passed when any of its metrics reaches its threshold (before {@code thresholdFactor}).
     * Its key, which {@link PriorAward#key()} remembers, is its first threshold as written.
     */
    record Step(Map<Metric, BigDecimal> at, BigDecimal amount) {
        public Step {
            at = Collections.unmodifiableMap(new LinkedHashMap<>(at)); // the first threshold is the key
        }

        /** The first threshold as written, as a plain decimal string. */
        public String key() {
            return at.values().iterator().next().stripTrailingZeros().toPlainString();
        }
    }

    /** Every further {@code every} above the last step is a step paying {@code amountIncrement} more than the one before. */
    record Repeat(BigDecimal every, BigDecimal amountIncrement) {
    }

    /** Multiply by {@code factor} when all {@code when} conditions hold. */
    record Factor(BigDecimal factor, List<Condition> when) {
        public Factor {
            when = List.copyOf(when);
        }
    }

    /**
     * A percentage of a figure, paid when {@code when} holds, capped.
     *
     * @param of    the figure the percentage is taken of
     * @param rate  e.g. 0.01 for 1 %
     * @param rates alternative rates, the first whose conditions hold replaces {@code rate}
     * @param cap   null when uncapped
     */
    record Percentage(Metric of, BigDecimal rate, List<Rate> rates, List<Condition> when, BigDecimal cap, CapScope capScope)
            implements RuleKind {
        public Percentage {
            rates = List.copyOf(rates);
            when = List.copyOf(when);
        }
    }

    /** A rate that applies when its conditions hold. */
    record Rate(BigDecimal rate, List<Condition> when) {
        public Rate {
            when = List.copyOf(when);
        }
    }

    /**
     * A flat amount when all {@code when} conditions hold.
     *
     * @param oneOff paid at most once per subject over all periods (一次性)
     */
    record Flat(BigDecimal amount, List<Condition> when, boolean oneOff) implements RuleKind {
        public Flat {
            when = List.copyOf(when);
        }
    }

    /**
     * The top subjects by a figure get the amounts in order (first place first). Subjects with equal
     * values share the higher place; a value of 0 places nobody.
     */
    record Ranking(Metric metric, List<BigDecimal> amounts) implements RuleKind {
        public Ranking {
            amounts = List.copyOf(amounts);
        }
    }

    /**
     * Pays a subject for each of its members that qualifies — a park operator per tenant, a trainer per
     * trainee. Members are the subjects of {@code memberType} whose attribute {@code link} holds the
     * payee's id. Each member earns the highest option whose conditions hold (options are not stacked).
     *
     * @param oncePerMember a member pays at most once over all periods
     * @param cap           null when uncapped
     */
    record PerMember(
            SubjectType memberType,
            String link,
            List<Condition> memberEligibility,
            List<Option> options,
            boolean oncePerMember,
            BigDecimal cap,
            CapScope capScope) implements RuleKind {
        public PerMember {
            memberEligibility = List.copyOf(memberEligibility);
            options = List.copyOf(options);
        }
    }

    /** What a member earns when all {@code when} conditions hold on the member. */
    record Option(BigDecimal amount, List<Condition> when) {
        public Option {
            when = List.copyOf(when);
        }
    }
}
