package dev.subsidy.gateway.notifications;

import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.DeliveryGate;
import dev.subsidy.gateway.delivery.DeliveryStore;
import java.time.Instant;
import java.util.List;

/**
 * Pushing paused because the award intake refused the gateway's credentials, or there is no secret. The
 * pause lives in memory and a restart lifts it until the next push is refused, so the incident ends only
 * when a push succeeds after it opened, nothing is left to push, or pushing is switched off.
 */
final class DeliveryPausedWatch implements Watch {

    static final String SUBJECT = "delivery";

    private final DeliveryGate gate;
    private final AwardIntakeClient client;
    private final DeliveryStore store;
    private final DeliveredPushes pushes;

    DeliveryPausedWatch(DeliveryGate gate, AwardIntakeClient client, DeliveryStore store, DeliveredPushes pushes) {
        this.gate = gate;
        this.client = client;
        this.store = store;
        this.pushes = pushes;
    }

    @Override
    public NotificationEvent event() {
        return NotificationEvent.DELIVERY_PAUSED;
    }

    @Override
    public List<Finding> findings(Instant now) {
        if (!client.configured()) {
            return List.of();
        }
        // the reason names the refusal and the setting to fix, never the secret
        return gate.pausedBecause().map(reason -> List.of(new Finding(SUBJECT, reason))).orElse(List.of());
    }

    @Override
    public boolean cleared(Incident incident, Instant now) {
        if (!client.configured()) {
            return true;
        }
        if (gate.pausedBecause().isPresent()) {
            return false;
        }
        return store.backlog().pending() == 0
                || pushes.lastDeliveredAt().map(at -> at.isAfter(incident.openedAt())).orElse(false);
    }
}
