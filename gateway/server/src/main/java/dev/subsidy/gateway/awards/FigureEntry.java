package dev.subsidy.gateway.awards;

import dev.subsidy.model.Metric;
import java.math.BigDecimal;

/** One checked entry of {@code PUT /api/v1/figures/entered}: value normalised (CNY scale 2, counts whole). */
public record FigureEntry(String subjectId, Metric metric, String period, BigDecimal value, String note) {

    public String figureId() {
        return EnteredFigure.idOf(subjectId, metric.name(), period);
    }
}
