package dev.subsidy.gateway.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Incidents and, per webhook, which of their notices were delivered: the durable half of "at most once
 * per incident", so a restarted gateway (or a second notifier over the same database) sends nothing a
 * webhook already took. A webhook is named by {@link Webhook#key()}, never by its URL. Thread-safe.
 */
public interface IncidentStore {

    /** The two notices of an incident. */
    enum Notice { OPENED, RESOLVED }

    /** A notice one webhook has not yet taken. */
    record Due(Incident incident, Notice notice) {}

    /** Every incident not yet resolved, oldest first. */
    List<Incident> open();

    /**
     * Opens {@code incident} unless one of its event and subject is already open.
     *
     * @return false, storing nothing, when one was already open
     */
    boolean open(Incident incident);

    void resolve(String incidentId, Instant at);

    /**
     * What {@code webhook} still has to be told about incidents of {@code events}, oldest first: the opening
     * of each open incident it has not taken, and the resolution of each resolved incident whose opening it
     * took. An incident resolved before its opening reached the webhook owes it nothing.
     */
    List<Due> due(String webhook, Set<NotificationEvent> events);

    /** The webhook took the notice: it is never due again. */
    void delivered(String incidentId, String webhook, Notice notice, Instant at);

    /** An attempt round failed; kept for operators, the notice stays due. */
    void attemptFailed(String incidentId, String webhook, String error, Instant at);
}
