package dev.subsidy.gateway.figures;

import dev.subsidy.figures.FigureBook;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/figures?period=&subject=&metric=}: figures in the shape the award intake receives. */
@RestController
class FigureController {

    private final FigureBook store;
    private final FigureJson json;

    FigureController(FigureBook store, FigureJson json) {
        this.store = store;
        this.json = json;
    }

    @GetMapping("/api/v1/figures")
    List<FigureJson.Item> figures(@RequestParam(required = false) String period,
                                  @RequestParam(required = false) String subject,
                                  @RequestParam(required = false) String metric) {
        if (period != null) {
            try {
                Period.parse(period);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        if (metric != null) {
            // only measured metrics are figures of this list; entered ones have their own endpoint
            if (Metric.measured().stream().noneMatch(m -> m.name().equals(metric))) {
                throw new BadRequestException("unknown metric '" + metric + "'");
            }
        }
        return store.find(period, subject, metric).stream().map(json::item).toList();
    }
}
