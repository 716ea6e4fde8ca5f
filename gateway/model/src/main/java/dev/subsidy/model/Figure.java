package dev.subsidy.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One verified number: (subject, metric, period) → value, as published by the gateway or entered by an
 * administrator.
 *
 * <p>Figures measured from feeds leave {@code enteredBy} and {@code enteredAt} null. Figures an
 * administrator enters (the {@link Metric.Source#ADMIN} metrics such as {@code INVOICED_SALES}) carry
 * both, so every award line paid on them can be traced to a person and a moment. When several revisions
 * of the same figure are given, the engine uses the highest.
 *
 * @param figureId  stable for (subject, metric, period) across revisions
 * @param subjectId the registry id of the subject measured
 * @param metric    what was measured
 * @param period    {@code 2026}, {@code 2026-Q4} or {@code 2026-10}
 * @param value     exact value: a count, or CNY
 * @param revision  1 for the first publication, higher for each revision
 * @param enteredBy who entered it, for administrator-entered figures; else null
 * @param enteredAt when it was entered, for administrator-entered figures; else null
 */
public record Figure(
        String figureId,
        String subjectId,
        Metric metric,
        String period,
        BigDecimal value,
        int revision,
        String enteredBy,
        Instant enteredAt) {

    public Figure {
        Objects.requireNonNull(figureId, "figureId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        if ((enteredBy == null) != (enteredAt == null)) {
            throw new IllegalArgumentException("an entered figure needs both enteredBy and enteredAt: " + figureId);
        }
    }

    /** A figure measured from feeds. */
    public Figure(String figureId, String subjectId, Metric metric, String period, BigDecimal value, int revision) {
        this(figureId, subjectId, metric, period, value, revision, null, null);
    }

    /** Whether an administrator entered this figure rather than the gateway measuring it. */
    public boolean isEntered() {
        return enteredBy != null;
    }
}
