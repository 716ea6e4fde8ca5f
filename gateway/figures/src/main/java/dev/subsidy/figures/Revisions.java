package dev.subsidy.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a period's figures a close publishes (docs/figures.md "Publication and revisions"): a
 * figure whose value or evidence changed gets the next revision (never a reused one), an unchanged one
 * keeps its revision and is not published again, a new one starts at 1 only if it counts a record, and
 * a figure that was published but no longer counts anything is revised to zero rather than left
 * standing.
 */
public final class Revisions {

    private Revisions() {}

    /**
     * The new or revised figures of a period, given what is published and what the close computed:
     * the computed ones in their order, then the ones revised to zero.
     */
    public static List<PublishedFigure> of(String period, Collection<PublishedFigure> published,
                                           List<MeasuredFigure> computed) {
        Map<String, PublishedFigure> existing = new HashMap<>();
        published.forEach(p -> existing.put(p.figure().figureId(), p));
        Set<String> computedIds = new HashSet<>();
        List<PublishedFigure> changed = new ArrayList<>();
        for (MeasuredFigure f : computed) {
            computedIds.add(f.figureId());
            PublishedFigure old = existing.get(f.figureId());
            if (old == null) {
                if (f.evidence().counted() > 0) {
                    changed.add(new PublishedFigure(f, 1));
                }
            } else if (differs(old.figure(), f)) {
                changed.add(new PublishedFigure(f, old.revision() + 1));
            }
        }
        for (PublishedFigure old : existing.values()) {
            if (!computedIds.contains(old.figure().figureId())) {
                MeasuredFigure zero = zero(period, old.figure());
                if (differs(old.figure(), zero)) {
                    changed.add(new PublishedFigure(zero, old.revision() + 1));
                }
            }
        }
        return changed;
    }

    private static boolean differs(MeasuredFigure old, MeasuredFigure now) {
        return !old.value().equals(now.value()) || !old.evidence().equals(now.evidence());
    }

    /** The figure counting nothing; a subject no longer in the registry is named by its id. */
    private static MeasuredFigure zero(String period, MeasuredFigure old) {
        Metric metric = old.metric();
        return new MeasuredFigure(old.figureId(), old.subjectType(), old.subjectId(),
                old.subjectName() != null ? old.subjectName() : old.subjectId(), metric, period,
                metric.unit() == Unit.CNY ? "0.00" : "0", new Evidence(0, 0, 0, 0, List.of(), Digest.of(List.of())),
                List.of());
    }
}
