package dev.subsidy.gateway.delivery;

import java.util.Objects;

/**
 * A due batch as the worker sends it.
 *
 * @param id the batch id, also the {@code Idempotency-Key}
 * @param body the JSON exactly as stored by the {@link Outbox}; sent byte for byte, never re-serialised
 * @param attempts sends so far, before this one
 */
public record PendingDelivery(String id, DeliveryKind kind, String body, int attempts) {
    public PendingDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        // bodies are large; a log line names the batch, not its content
        return "PendingDelivery[" + id + ", " + kind + ", attempts=" + attempts + "]";
    }
}
