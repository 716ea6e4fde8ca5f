package dev.subsidy.gateway.notifications;

import dev.subsidy.gateway.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** {@code gateway_notifications_total{event, outcome}} (docs/operations.md "Metrics"). */
class NotificationCounter {

    /** An outcome of one notice at one check. */
    enum Outcome {
        /** The webhook took an incident's opening. */
        DELIVERED,
        /** The webhook took an incident's resolution. */
        RESOLVED,
        /** Every attempt of this check failed: the notice waits for the next check. */
        FAILED
    }

    private final MeterRegistry registry;

    /** @param registry null: nothing is counted */
    NotificationCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(NotificationEvent event, Outcome outcome) {
        if (registry != null) {
            registry.counter(MetricNames.NOTIFICATIONS, MetricNames.EVENT, event.name().toLowerCase(Locale.ROOT),
                    MetricNames.OUTCOME, outcome.name().toLowerCase(Locale.ROOT)).increment();
        }
    }
}
