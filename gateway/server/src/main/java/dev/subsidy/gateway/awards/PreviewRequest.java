package dev.subsidy.gateway.awards;

import dev.subsidy.gateway.period.Period;
import dev.subsidy.policy.Figure;
import dev.subsidy.policy.PriorAward;
import dev.subsidy.policy.Subject;
import java.util.List;

/**
 * What {@code POST /api/v1/policies/{id}/preview} evaluates.
 *
 * @param subjects    hypothetical subjects, or null for the registry's
 * @param priorAwards what counts as paid before, or null for what earlier closes stored
 */
record PreviewRequest(Period period, List<Figure> figures, List<Subject> subjects, List<PriorAward> priorAwards) {}
