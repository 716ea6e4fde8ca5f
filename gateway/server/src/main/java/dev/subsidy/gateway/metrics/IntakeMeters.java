package dev.subsidy.gateway.metrics;

import dev.subsidy.intake.IntakeListener;
import dev.subsidy.intake.IntakeReceipt;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Records per connector as each batch commits: in, accepted, duplicates, rejected. Counted in
 * memory since the start (Prometheus reads rates from counters and handles restarts); the exact
 * sums since the first record stay in {@code GET /api/v1/connectors}.
 */
@Component
class IntakeMeters implements IntakeListener {

    private final MeterRegistry registry;

    IntakeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void committed(String connectorId, String origin, IntakeReceipt receipt) {
        registry.counter(MetricNames.CONNECTOR_RECORDS_IN, MetricNames.CONNECTOR, connectorId).increment(receipt.total());
        count(connectorId, "accepted", receipt.accepted());
        count(connectorId, "duplicate", receipt.duplicates());
        count(connectorId, "rejected", receipt.rejected().size());
    }

    private void count(String connectorId, String outcome, long records) {
        registry.counter(MetricNames.CONNECTOR_RECORDS, MetricNames.CONNECTOR, connectorId, MetricNames.OUTCOME, outcome)
                .increment(records);
    }
}
