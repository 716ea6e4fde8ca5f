package dev.subsidy.policy.internal;

import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The figures of an evaluation by (subject, metric, period), keeping the highest revision of each. */
final class FigureIndex {

    private record Key(String subjectId, Metric metric, String period) {
    }

    private final Map<Key, Figure> figures = new HashMap<>();

    FigureIndex(Collection<Figure> all) {
        for (Figure f : all) {
            figures.merge(new Key(f.subjectId(), f.metric(), f.period()), f,
                    (a, b) -> a.revision() >= b.revision() ? a : b);
        }
    }

    Optional<Figure> find(String subjectId, Metric metric, String period) {
        return Optional.ofNullable(figures.get(new Key(subjectId, metric, period)));
    }
}
