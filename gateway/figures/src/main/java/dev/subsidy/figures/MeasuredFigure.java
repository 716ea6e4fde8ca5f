package dev.subsidy.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import java.util.List;

/**
 * One verified number (指标): subject, metric, period → value, with its evidence. {@code value} is
 * a decimal string: a count ("12000") or yuan with two decimals ("13000.00").
 *
 * <p>{@code countedKeys} are the natural keys of the records counted, distinct and in the order the
 * digest hashes them (docs/figures.md "The digest, exactly"), so that the book can keep what anyone
 * may re-check; null for a figure read back from the book, which does not load them.
 */
public record MeasuredFigure(String figureId, SubjectType subjectType, String subjectId, String subjectName, Metric metric,
                     String period, String value, Evidence evidence, List<String> countedKeys) {

    /** A figure without its counted keys (as read back from the book). */
    public MeasuredFigure(String figureId, SubjectType subjectType, String subjectId, String subjectName, Metric metric,
                          String period, String value, Evidence evidence) {
        this(figureId, subjectType, subjectId, subjectName, metric, period, value, evidence, null);
    }

    /** Stable across revisions: the same subject, metric and period always give the same id. */
    public static String idOf(String subjectId, Metric metric, String period) {
        return subjectId + "/" + metric.name() + "/" + period;
    }
}
