package dev.subsidy.gateway.period.progress;

import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.model.Period;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/periods/{period}/progress}: the running or last close of a period (docs/api.md "Periods, figures and awards"). */
@RestController
class CloseProgressController {

    private final CloseProgressBoard board;

    CloseProgressController(CloseProgressBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/periods/{period}/progress")
    CloseProgressView progress(@PathVariable String period) {
        Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return board.of(parsed).orElseThrow(() -> new NotFoundException(
                "period " + parsed + " has not been closed since the gateway started (progress is kept in memory)"));
    }
}
