package dev.subsidy.policy;

import dev.subsidy.model.Metric;
import dev.subsidy.model.SizeClass;
import java.math.BigDecimal;
import java.util.List;

/**
 * A test on a subject's registry facts or figures. Evaluated in three values: a fact the registry does
 * not know, or an administrator figure not entered, makes a condition unknown rather than false, and the
 * rule is then reported as not computable unless the rest decides it anyway (AND with a false part, OR
 * with a true part).
 */
public sealed interface Condition {

    /** All must hold. */
    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one must hold. */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** The condition must not hold. */
    record Not(Condition condition) implements Condition {
    }

    /** The subject's region is (or is not) inside the policy's regions. */
    record RegisteredInside(boolean expected) implements Condition {
    }

    /** The subject is (or is not) tax registered in the jurisdiction. */
    record TaxRegistered(boolean expected) implements Condition {
    }

    /** The subject is above or below the statistical size threshold. */
    record SizeClassIs(SizeClass sizeClass) implements Condition {
    }

    /** The subject was registered (工商新登记) in the year of the period evaluated. */
    record RegisteredInPeriodYear() implements Condition {
    }

    /**
     * The subject has operated at least this many months at the end of the period, counted from the
     * attribute {@code operatingSince} (ISO date) when present, else from its registration date.
     */
    record OperatingMonths(int months) implements Condition {
    }

    /** The subject's registry categories include this one. */
    record HasCategory(String category) implements Condition {
    }

    /**
     * The attribute equals the value. A fact the clause makes a condition: when the registry does not state
     * it for the subject, the condition is unknown ("… is not in the registry"), not false.
     */
    record AttributeEquals(String attribute, String value) implements Condition {
    }

    /**
     * The attribute, a comma-separated list, contains the value. The value {@code $year} stands for the
     * evaluated period's year and {@code $rule} for the rule being evaluated. Such a list records events
     * (misconduct years, funds received elsewhere), so an absent attribute is an empty list: nothing recorded.
     */
    record AttributeContains(String attribute, String value) implements Condition {
    }

    /**
     * The subject was founded within this many years of its founder's graduation: attribute
     * {@code graduationYear} against the registration year. {@code graduationYear: none} states that the
     * founder is not a graduate; an absent attribute is unknown, like any fact the registry does not state.
     */
    record GraduatedWithinYears(int years) implements Condition {
    }

    /** The subject's figure for the period is at least the value. */
    record FigureAtLeast(Metric metric, BigDecimal atLeast) implements Condition {
    }

    /** Within the period, the subject's monthly figure is at least the value in this many consecutive months. */
    record ConsecutiveMonths(Metric metric, BigDecimal atLeast, int months) implements Condition {
    }
}
