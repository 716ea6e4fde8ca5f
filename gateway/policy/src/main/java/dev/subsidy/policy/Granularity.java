package dev.subsidy.policy;

/** The length of the period a rule is evaluated for: {@code 2026}, {@code 2026-Q4} or {@code 2026-10}. */
public enum Granularity {
    YEAR,
    QUARTER,
    MONTH
}
