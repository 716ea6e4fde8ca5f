package dev.subsidy.gateway.notifications;

import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.DeliveryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The oldest PENDING delivery batch has waited longer than the backlog age. Read from the outbox, so it
 * survives a restart as it is. Without {@code gateway.award.url} batches wait to be read: no fault.
 */
final class DeliveryBacklogWatch implements Watch {

    private final DeliveryStore store;
    private final AwardIntakeClient client;
    private final Duration backlogAge;

    DeliveryBacklogWatch(DeliveryStore store, AwardIntakeClient client, Duration backlogAge) {
        this.store = store;
        this.client = client;
        this.backlogAge = backlogAge;
    }

    @Override
    public NotificationEvent event() {
        return NotificationEvent.DELIVERY_BACKLOG_OLD;
    }

    @Override
    public List<Finding> findings(Instant now) {
        if (!client.configured()) {
            return List.of();
        }
        DeliveryStore.Backlog backlog = store.backlog();
        return backlog.oldestQueuedAt()
                .map(queued -> Duration.between(queued, now))
                .filter(age -> age.compareTo(backlogAge) > 0)
                .map(age -> List.of(new Finding(DeliveryPausedWatch.SUBJECT, "the oldest of " + backlog.pending()
                        + " PENDING batches has waited " + shown(age) + ", longer than " + backlogAge)))
                .orElse(List.of());
    }

    /** Whole seconds, unless that would make the age look no longer than the threshold. */
    private String shown(Duration age) {
        Duration seconds = age.truncatedTo(ChronoUnit.SECONDS);
        return (seconds.compareTo(backlogAge) > 0 ? seconds : age.truncatedTo(ChronoUnit.MILLIS)).toString();
    }

    @Override
    public boolean cleared(Incident incident, Instant now) {
        return findings(now).isEmpty();
    }
}
