package dev.subsidy.gateway.figures;

import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.figures.PublishedFigure;
import dev.subsidy.model.Evidence;
import dev.subsidy.model.SubjectRef;
import java.util.List;
import org.springframework.stereotype.Component;

/** The wire form of a figure, shared by the API and the pushes (docs/award-intake.md). */
@Component
public class FigureJson {

    public record Item(String figureId, SubjectRef subject, String metric, String period, String value, String unit,
                       int revision, Evidence evidence) {}

    public Item item(PublishedFigure published) {
        MeasuredFigure f = published.figure();
        return new Item(f.figureId(), new SubjectRef(f.subjectType(), f.subjectId(), f.subjectName()),
                f.metric().name(), f.period(), f.value(), f.metric().unit().name(), published.revision(), f.evidence());
    }

    public List<Item> items(List<PublishedFigure> figures) {
        return figures.stream().map(this::item).toList();
    }
}
