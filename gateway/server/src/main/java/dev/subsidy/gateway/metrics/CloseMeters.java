package dev.subsidy.gateway.metrics;

import dev.subsidy.gateway.period.CloseObserver;
import dev.subsidy.model.Period;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What each close concluded: records by status, findings by rule and outcome, and how long the
 * close took. Counted at every close, so closing a period again counts its records again: read them
 * as "conclusions reached", and the figures API for what a period holds now.
 */
@Component
class CloseMeters implements CloseObserver {

    private final MeterRegistry registry;
    private final Timer closes;

    CloseMeters(MeterRegistry registry) {
        this.registry = registry;
        this.closes = Timer.builder(MetricNames.CLOSE)
                .description("period closes that committed: verification, figures, awards, queueing")
                .register(registry);
    }

    @Override
    public Close begin(Period period) {
        // summed first: a month holds hundreds of thousands of records and a few dozen distinct tags
        Map<List<String>, Long> records = new HashMap<>();
        Map<List<String>, Long> findings = new HashMap<>();
        return new Close() {
            @Override
            public void shipments(List<ShipmentVerdict> marked) {
                for (ShipmentVerdict shipment : marked) {
                    count(records, findings, "shipment", shipment.status().name(), shipment.findings());
                }
            }

            @Override
            public void orders(List<OrderVerdict> marked) {
                for (OrderVerdict order : marked) {
                    count(records, findings, "order", order.status().name(), order.findings());
                }
            }

            @Override
            public void committed(Duration took) {
                closes.record(took);
                records.forEach((tags, n) -> registry.counter(MetricNames.VERIFICATION_RECORDS,
                        MetricNames.KIND, tags.get(0), MetricNames.STATUS, tags.get(1)).increment(n));
                findings.forEach((tags, n) -> registry.counter(MetricNames.VERIFICATION_FINDINGS,
                        MetricNames.RULE, tags.get(0), MetricNames.STATUS, tags.get(1)).increment(n));
            }
        };
    }

    private static void count(Map<List<String>, Long> records, Map<List<String>, Long> findings, String kind,
                              String status, List<Finding> found) {
        records.merge(List.of(kind, status), 1L, Long::sum);
        for (Finding finding : found) {
            findings.merge(List.of(finding.rule(), finding.outcome().name()), 1L, Long::sum);
        }
    }
}
