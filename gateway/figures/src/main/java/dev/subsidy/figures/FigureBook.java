package dev.subsidy.figures;

import java.util.List;

/** Where published figures are kept, with every revision (docs/figures.md "Publication and revisions"). */
public interface FigureBook {

    /**
     * Published figures at their current revision, filtered by whichever of period, subject id and
     * metric name are given (null: any), ordered by period, subject and metric.
     */
    List<PublishedFigure> find(String period, String subjectId, String metric);

    /**
     * Keeps new revisions of a period's figures (see {@link Revisions}): each becomes its figure's
     * current one, and every revision stays in the history, with the natural keys it counted
     * ({@link MeasuredFigure#countedKeys()}: a figure that counts records must carry them).
     */
    void record(String period, List<PublishedFigure> revisions);
}
