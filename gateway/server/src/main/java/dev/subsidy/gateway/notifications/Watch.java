package dev.subsidy.gateway.notifications;

import java.time.Instant;
import java.util.List;

/** Watches one kind of condition for the notifier. */
interface Watch {

    /** A condition that holds now, for one subject. */
    record Finding(String subject, String reason) {}

    NotificationEvent event();

    /** The subjects for which the condition holds now. */
    List<Finding> findings(Instant now);

    /**
     * Whether an open incident is over, asked only when {@link #findings} no longer names its subject.
     * A condition the gateway keeps in memory is not over merely because a restart forgot it: the
     * restarted gateway must have seen things work again (a run or a push that succeeded).
     */
    boolean cleared(Incident incident, Instant now);
}
