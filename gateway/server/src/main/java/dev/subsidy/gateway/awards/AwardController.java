package dev.subsidy.gateway.awards;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/awards?period=&policy=&subject=}. */
@RestController
class AwardController {

    private final AwardStore store;

    AwardController(AwardStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/awards")
    List<PublishedAwardLine> awards(@RequestParam(required = false) String period, @RequestParam(required = false) String policy,
                           @RequestParam(required = false) String subject) {
        return store.find(period, policy, subject);
    }
}
