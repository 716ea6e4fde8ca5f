package dev.subsidy.gateway.awards;

import java.time.Instant;

/**
 * One revision of a figure an administrator entered, as {@code GET /api/v1/figures/entered} shows it.
 * {@code figureId} follows the published figures' scheme ({@code subject/metric/period}), so an award
 * line's basis points here; {@code enteredBy} and {@code enteredAt} say who answers for the number.
 */
public record EnteredFigure(String figureId, String subject, String metric, String period, String value,
                            int revision, String note, String enteredBy, Instant enteredAt) {

    static String idOf(String subjectId, String metric, String period) {
        return subjectId + "/" + metric + "/" + period;
    }
}
