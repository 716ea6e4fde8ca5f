package dev.subsidy.gateway.awards;

import dev.subsidy.model.Figure;
import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import java.util.List;

/**
 * What {@code POST /api/v1/policies/{id}/preview} evaluates.
 *
 * @param subjects    hypothetical subjects, or null for the registry's
 * @param priorAwards what counts as paid before, or null for what earlier closes stored
 */
record PreviewRequest(Period period, List<Figure> figures, List<Subject> subjects, List<PriorAward> priorAwards) {}
