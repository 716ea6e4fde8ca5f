package dev.subsidy.gateway.metrics;

import dev.subsidy.gateway.delivery.AttemptObserver;
import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.DeliveryGate;
import dev.subsidy.gateway.delivery.DeliveryOutcome;
import dev.subsidy.gateway.delivery.DeliveryStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Delivery to the award intake: what waits and for how long (read from the outbox at scrape time,
 * one aggregate query shared by both gauges of a scrape), pushes by reply class, the circuit breaker
 * and the pause on 401/403.
 */
@Component
class DeliveryMeters implements AttemptObserver, MeterBinder {

    /** Both backlog gauges of one scrape read the same query's answer. */
    private static final Duration READING_KEPT = Duration.ofSeconds(1);

    private final DeliveryStore store;
    private final AwardIntakeClient client;
    private final DeliveryGate gate;
    private final Clock clock;
    private MeterRegistry registry;
    private volatile Reading last;

    private record Reading(Instant at, DeliveryStore.Backlog backlog) {}

    DeliveryMeters(DeliveryStore store, AwardIntakeClient client, DeliveryGate gate, Clock clock) {
        this.store = store;
        this.client = client;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(MetricNames.DELIVERY_BACKLOG, () -> backlog().pending())
                .description("PENDING batches waiting for the award intake")
                .register(registry);
        Gauge.builder(MetricNames.DELIVERY_OLDEST_PENDING_AGE, this::oldestPendingAgeSeconds)
                .description("seconds since the oldest PENDING batch was queued; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        for (CircuitBreaker.State state : List.of(CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
                CircuitBreaker.State.HALF_OPEN)) {
            Gauge.builder(MetricNames.DELIVERY_BREAKER, () -> client.breakerState() == state ? 1 : 0)
                    .description("1 for the award intake circuit breaker's current state, 0 for the others")
                    .tag(MetricNames.STATE, state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder(MetricNames.DELIVERY_PAUSED, () -> gate.pausedBecause().isPresent() ? 1 : 0)
                .description("1 while pushing is paused (the intake refused the credentials, or no secret)")
                .register(registry);
    }

    @Override
    public void attempted(DeliveryOutcome outcome) {
        if (registry != null) {
            registry.counter(MetricNames.DELIVERY_ATTEMPTS, MetricNames.REPLY, replyClass(outcome.status())).increment();
        }
    }

    static String replyClass(Integer status) {
        return status == null ? "io" : (status / 100) + "xx";
    }

    private double oldestPendingAgeSeconds() {
        return backlog().oldestQueuedAt()
                .map(queued -> Math.max(0, Duration.between(queued, clock.instant()).toMillis()) / 1000.0)
                .orElse(0.0);
    }

    private DeliveryStore.Backlog backlog() {
        Instant now = clock.instant();
        Reading reading = last;
        if (reading == null || reading.at().plus(READING_KEPT).isBefore(now)) {
            reading = new Reading(now, store.backlog());
            last = reading;
        }
        return reading.backlog();
    }
}
