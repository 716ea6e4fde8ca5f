package dev.subsidy.model;

import java.math.BigDecimal;

/** One figure an award line was computed from, with the revision used, so a revised figure can be traced. */
public record Basis(String figureId, Metric metric, BigDecimal value, int revision) {
}
