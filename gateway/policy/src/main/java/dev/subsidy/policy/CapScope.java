package dev.subsidy.policy;

import dev.subsidy.model.PriorAward;

/** What a cap limits: the amount of one period, or the total a subject receives under the rule over all periods. */
public enum CapScope {
    /** The cap limits the award of each period (最高不超过 … 每年). */
    PERIOD,
    /** The cap limits the total over the policy's life, counting {@link PriorAward}s (总补助不超过). */
    POLICY
}
