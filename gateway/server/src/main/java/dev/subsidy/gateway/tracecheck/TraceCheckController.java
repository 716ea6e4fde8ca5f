package dev.subsidy.gateway.tracecheck;

import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.model.Period;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/periods/{period}/trace-checks} (admin, docs/api.md). */
@RestController
class TraceCheckController {

    private final TraceChecker checker;

    TraceCheckController(TraceChecker checker) {
        this.checker = checker;
    }

    @PostMapping("/api/v1/periods/{period}/trace-checks")
    TraceCheckSummary check(@PathVariable String period) {
        Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return checker.run(parsed);
    }
}
