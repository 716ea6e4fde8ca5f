package dev.subsidy.gateway.health;

import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.DeliveryGate;
import dev.subsidy.gateway.delivery.DeliveryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery} health component: DOWN while pushing is paused (the award intake refused the
 * gateway's credentials, or there is no secret), with the reason; DOWN when a PENDING batch has waited
 * longer than {@code gateway.health.delivery-backlog-age}, with its age. Without {@code gateway.award.url}
 * nothing is meant to be pushed, so waiting batches are no fault.
 */
@Component("deliveryHealthIndicator")
class DeliveryHealthIndicator implements HealthIndicator {

    private final DeliveryStore store;
    private final DeliveryGate gate;
    private final AwardIntakeClient client;
    private final HealthProperties settings;
    private final Clock clock;

    DeliveryHealthIndicator(DeliveryStore store, DeliveryGate gate, AwardIntakeClient client, HealthProperties settings,
                            Clock clock) {
        this.store = store;
        this.gate = gate;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        DeliveryStore.Backlog backlog = store.backlog();
        Optional<Duration> oldest = backlog.oldestQueuedAt().map(queued -> Duration.between(queued, now));
        Optional<String> paused = gate.pausedBecause();
        Health.Builder health;
        if (!client.configured()) {
            health = Health.up().withDetail("pushing", "off: gateway.award.url is not set, batches wait to be read");
        } else if (paused.isPresent()) {
            health = Health.status(HealthProperties.DEGRADED).withDetail("paused", paused.get());
        } else if (oldest.isPresent() && oldest.get().compareTo(settings.deliveryBacklogAge()) > 0) {
            health = Health.status(HealthProperties.DEGRADED).withDetail("reason", "a batch has waited " + oldest.get().withNanos(0)
                    + ", longer than gateway.health.delivery-backlog-age (" + settings.deliveryBacklogAge() + ")");
        } else {
            health = Health.up();
        }
        health.withDetail("pending", backlog.pending())
                .withDetail("breaker", client.breakerState().name());
        oldest.ifPresent(age -> health.withDetail("oldestPendingAge", age.withNanos(0).toString()));
        gate.heldAt(now).ifPresent(until -> health.withDetail("heldUntil", until.toString()));
        return health.build();
    }
}
