package dev.subsidy.gateway.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the worker may push at all. Two reasons to stop, both for every batch at once:
 * <ul>
 *   <li>paused: the intake refused our credentials (401/403) or there is no secret. Every batch
 *       would fail the same way, so nothing is sent until the settings change (a restart, which
 *       starts with a fresh gate) or an operator retries a delivery through the API;</li>
 *   <li>held: the intake asked us to slow down (429/503 with Retry-After) until a given instant.</li>
 * </ul>
 * In memory on purpose: a restart is exactly the "settings changed" signal, while each batch's own
 * {@code next_attempt_at} keeps the durable part of a Retry-After. Thread-safe.
 */
public final class DeliveryGate {

    private final AtomicReference<String> pausedBecause = new AtomicReference<>();
    private final AtomicReference<Instant> heldUntil = new AtomicReference<>(Instant.EPOCH);

    /** Stops all pushing; the reason is shown to operators, so it must not contain a secret. */
    public void pause(String reason) {
        pausedBecause.set(reason);
    }

    /** @return the reason pushing was paused, if it was */
    public Optional<String> resume() {
        return Optional.ofNullable(pausedBecause.getAndSet(null));
    }

    public Optional<String> pausedBecause() {
        return Optional.ofNullable(pausedBecause.get());
    }

    /** Holds every push until {@code until}; an earlier instant never shortens a longer hold. */
    public void holdUntil(Instant until) {
        heldUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** @return the end of the current hold, if {@code now} is inside one */
    public Optional<Instant> heldAt(Instant now) {
        Instant until = heldUntil.get();
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
