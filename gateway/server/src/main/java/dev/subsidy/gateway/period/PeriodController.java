package dev.subsidy.gateway.period;

import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.model.Period;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/periods/{period}/close}. */
@RestController
class PeriodController {

    private final PeriodCloser closer;

    PeriodController(PeriodCloser closer) {
        this.closer = closer;
    }

    @PostMapping("/api/v1/periods/{period}/close")
    CloseSummary close(@PathVariable String period) {
        Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return closer.close(parsed);
    }
}
