package dev.subsidy.gateway.reconciliation;

import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.model.Period;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connector's reconciliation for one period (docs/api.md "Reconciliation", administrator only): its
 * batches received in the period (China Standard Time), what they counted, what replays made of their
 * rejections, and why the counts do not add up when they do not.
 */
@RestController
class ReconciliationController {

    private final ReconciliationStore store;
    private final ConnectorRuntime runtime;

    ReconciliationController(ReconciliationStore store, ConnectorRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    @GetMapping("/api/v1/connectors/{id}/reconciliation")
    ConnectorReconciliation reconcile(@PathVariable String id, @RequestParam(required = false) String period) {
        if (period == null || period.isBlank()) {
            throw new BadRequestException("period is required: a month (2026-10), a quarter (2026-Q4) or a year (2026)");
        }
        Period p;
        try {
            p = Period.parse(period.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("period '" + period.strip() + "' is not a month (2026-10), a quarter (2026-Q4) "
                    + "or a year (2026): " + e.getMessage());
        }
        Optional<ConnectorInstance> instance = runtime.find(id);
        List<ReconciliationStore.Intake> intake = store.intake(id, p.start(), p.end());
        ReconciliationStore.Runs runs = store.runs(id, p.start(), p.end());
        if (instance.isEmpty() && intake.isEmpty() && runs.runs() == 0 && !store.everKnown(id)) {
            throw new NotFoundException("no connector '" + id + "', and none by that name ever stored a batch");
        }
        String kind = instance.flatMap(ConnectorInstance::kind).map(Enum::name).orElse(null);
        return ConnectorReconciliation.of(id, p.text(), p.start(), p.end(), kind, intake, store.rejectionsKept(id, p.start(), p.end()),
                store.replays(id, p.start(), p.end()), runs);
    }
}
