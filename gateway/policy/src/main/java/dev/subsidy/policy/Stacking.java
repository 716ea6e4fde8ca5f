package dev.subsidy.policy;

import dev.subsidy.model.AwardLine;

/**
 * How milestone steps passed for the first time in the same period combine. The seed documents are
 * ambiguous here, so each milestone rule names its reading and every award line reports it.
 */
public enum Stacking {
    /** Every step passed for the first time pays its amount (信江 四(五): no no-stacking clause). */
    CUMULATIVE("steps stack: every step passed for the first time pays"),
    /** Only the highest step passed for the first time pays (赣州 四(五)3: 按最高标准执行，不重复享受). */
    HIGHEST_ONLY("highest step only, not stacked: of the steps passed for the first time only the highest pays");

    private final String reading;

    Stacking(String reading) {
        this.reading = reading;
    }

    /** The sentence an award line carries in {@link AwardLine#reading()}. */
    public String reading() {
        return reading;
    }
}
