package dev.subsidy.model;

/** The length of a period (and of the period a rule is evaluated for): {@code 2026}, {@code 2026-Q4} or {@code 2026-10}. */
public enum Granularity {
    YEAR,
    QUARTER,
    MONTH
}
