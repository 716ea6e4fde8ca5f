package dev.subsidy.gateway.delivery;

/** Where a batch stands; the {@code delivery.status} column. */
public enum DeliveryStatus {
    /** Waiting for its turn ({@code next_attempt_at}) or for pushing to resume. */
    PENDING,
    /** The intake stored it (2xx) or already holds a higher revision (409). */
    DELIVERED,
    /** The intake said the batch itself is wrong (400, 422); only an operator resends it. */
    FAILED
}
