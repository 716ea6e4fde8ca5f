package dev.subsidy.gateway.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
/**
 * Reads and updates the outbox table ({@code delivery}) for the worker and the API; the
 * {@link Outbox} writes it. Each update is one statement, so it needs no transaction of its own,
 * and each is guarded by {@code status = 'PENDING'} so a late worker never reopens a settled batch.
 * Thread-safe.
 */
public interface DeliveryStore {

    /** Replies are kept for operators, not archived: a few KB say what went wrong. */
    static final int MAX_REPLY_CHARS = 4000;

    /** What {@link #makeDue} found. */
    enum Retry { DUE, ALREADY_DELIVERED, UNKNOWN }

    /**
     * What waits to be delivered: PENDING batches and when the oldest was queued, read in one
     * aggregate query (for the health check and the meters, at each probe or scrape).
     */
    record Backlog(long pending, Optional<Instant> oldestQueuedAt) {}

    Backlog backlog();

    /** PENDING batches whose time has come, oldest first, at most {@code limit}. */
    List<PendingDelivery> due(Instant now, int limit);

    void delivered(String id, DeliveryOutcome outcome, Instant now);

    void failed(String id, DeliveryOutcome outcome, Instant now);

    /** Counts the attempt and keeps the batch PENDING until {@code nextAttempt}. */
    void retryLater(String id, DeliveryOutcome outcome, Instant nextAttempt, Instant now);

    /** Makes a PENDING or FAILED batch PENDING and due at {@code now} (an operator's retry). */
    Retry makeDue(String id, Instant now);

    /** Newest first; {@code status} empty means all. */
    List<DeliveryView> list(Optional<DeliveryStatus> status, boolean withBody, int limit);

    Optional<DeliveryView> find(String id, boolean withBody);

    static String cut(String reply) {
        if (reply == null || reply.length() <= MAX_REPLY_CHARS) {
            return reply;
        }
        int end = MAX_REPLY_CHARS - 1;
        if (Character.isHighSurrogate(reply.charAt(end - 1))) {
            end--; // never keep half of a character
        }
        return reply.substring(0, end) + "…";
    }
}
