package dev.subsidy.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;


/**
 * One verified number (指标): subject, metric, period → value, with its evidence. {@code value} is
 * a decimal string: a count ("12000") or yuan with two decimals ("13000.00").
 */
public record MeasuredFigure(String figureId, SubjectType subjectType, String subjectId, String subjectName, Metric metric,
                     String period, String value, Evidence evidence) {

    /** Stable across revisions: the same subject, metric and period always give the same id. */
    public static String idOf(String subjectId, Metric metric, String period) {
        return subjectId + "/" + metric.name() + "/" + period;
    }
}
