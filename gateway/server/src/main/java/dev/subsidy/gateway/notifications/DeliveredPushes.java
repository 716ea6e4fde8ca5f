package dev.subsidy.gateway.notifications;

import java.time.Instant;
import java.util.Optional;

/** When a push to the award intake last succeeded: the sign that pushing works again after a pause. */
public interface DeliveredPushes {

    Optional<Instant> lastDeliveredAt();
}
