package dev.subsidy.gateway.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of time during which a condition held: it opens when the condition starts and is
 * resolved when it clears. A condition that comes back later is a new incident.
 *
 * @param subject the connector id, or {@code delivery}
 * @param reason why it opened, as an operator reads it (secrets already stripped)
 * @param resolvedAt null while open
 */
public record Incident(String id, NotificationEvent event, String subject, String reason, Instant openedAt,
                       Instant resolvedAt) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
