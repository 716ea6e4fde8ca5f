package dev.subsidy.gateway.awards;

import dev.subsidy.model.Figure;
import dev.subsidy.model.Period;
import java.util.List;
/**
 * Administrator-entered figures with every revision kept. An entry for a (subject, metric, period)
 * that already has a value becomes its next revision; the same value and note again change nothing,
 * so a resent request does not revise the award lines paid on it.
 */
public interface EnteredFigureStore {

    /** Stores the entries as new revisions where they change something; returns the revisions written. */
    List<EnteredFigure> enter(List<FigureEntry> entries, String enteredBy);

    /**
     * Entered figures filtered by whichever of period and subject are given: the current revision of each,
     * or with {@code history} every revision, newest first within a figure.
     */
    List<EnteredFigure> find(String period, String subjectId, boolean history);

    /**
     * The current entered figures of a period and of the shorter periods inside it (a year's quarters and
     * months), as the engine's figures, carrying who entered them and when.
     */
    List<Figure> within(Period period);
}
