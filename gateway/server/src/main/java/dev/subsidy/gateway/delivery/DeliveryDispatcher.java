package dev.subsidy.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of delivery: sends the due PENDING batches and records each outcome in the outbox, per
 * the reply table of {@code docs/award-intake.md}. The outbox row is the only schedule: after a crash the
 * next tick finds the same PENDING rows with the same {@code next_attempt_at}, and a batch whose
 * outcome was not recorded is simply sent again under the same Idempotency-Key.
 *
 * <p>Meant to be driven by one route (one timer thread); ticks are serialised anyway, so a caller
 * that triggers one by hand (a demo, a test) never sends a batch twice at once.
 */
public class DeliveryDispatcher {

    /** Batches read from the outbox at a time: bounds the bodies in memory. */
    public static final int DEFAULT_BATCHES_PER_TICK = 20;
    /** How long one tick goes on taking pages of due batches. */
    static final Duration TICK_BUDGET = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final AwardIntakeClient client;
    private final DeliveryStore store;
    private final DeliveryGate gate;
    private final DeliveryBackoff backoff;
    private final Clock clock;
    private final int batchesPerTick;
    private final AttemptObserver attempts;

    public DeliveryDispatcher(AwardIntakeClient client, DeliveryStore store, DeliveryGate gate,
                              DeliveryProperties settings, Clock clock, int batchesPerTick) {
        this(client, store, gate, settings, clock, batchesPerTick, AttemptObserver.NONE);
    }

    public DeliveryDispatcher(AwardIntakeClient client, DeliveryStore store, DeliveryGate gate,
                              DeliveryProperties settings, Clock clock, int batchesPerTick, AttemptObserver attempts) {
        this.attempts = attempts;
        this.client = client;
        this.store = store;
        this.gate = gate;
        this.backoff = new DeliveryBackoff(settings.initialBackoff(), settings.maxBackoff());
        this.clock = clock;
        this.batchesPerTick = batchesPerTick;
        if (!client.configured()) {
            log.info("gateway.award.url is not set: batches are kept PENDING and nothing is pushed");
        }
    }

    /** @return the number of batches sent in this tick */
    public synchronized int deliverDue() {
        if (!client.configured() || gate.pausedBecause().isPresent()) {
            return 0;
        }
        if (!client.canSign()) {
            pause("gateway.award.secret is not set: pushes cannot be signed");
            return 0;
        }
        Instant now = clock.instant();
        if (gate.heldAt(now).isPresent()) {
            return 0;
        }
        int sent = 0;
        long deadline = System.nanoTime() + TICK_BUDGET.toNanos();
        // page after page while batches are due: a close that queued 200 batches is pushed in one go, not 20
        // per poll interval; the budget hands the thread back now and then (a stopping route waits for a tick)
        while (true) {
            List<PendingDelivery> due = store.due(now, batchesPerTick);
            boolean goOn = due.size() == batchesPerTick;
            for (PendingDelivery batch : due) {
                DeliveryOutcome outcome = client.send(batch);
                if (outcome.verdict() == DeliveryOutcome.Verdict.NOT_SENT) {
                    log.debug("batch {} not sent: {}", batch.id(), outcome.reply());
                    return sent;
                }
                sent++;
                attempts.attempted(outcome);
                if (!record(batch, outcome)) {
                    return sent;
                }
            }
            if (!goOn || System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                return sent;
            }
            now = clock.instant();
        }
    }

    /** @return whether the tick may go on with the next batch */
    private boolean record(PendingDelivery batch, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        int attempt = batch.attempts() + 1;
        switch (outcome.verdict()) {
            case DELIVERED -> {
                store.delivered(batch.id(), outcome, now);
                log.info("batch {} ({}) delivered on attempt {}: {}", batch.id(), batch.kind(), attempt,
                        outcome.status());
                return true;
            }
            case REJECTED -> {
                store.failed(batch.id(), outcome, now);
                // the alert: a wrong batch needs a person; the reply says what the intake objected to
                log.error("ALERT batch {} ({}) rejected by the award intake with {}; marked FAILED, not retried: {}",
                        batch.id(), batch.kind(), outcome.status(), DeliveryStore.cut(outcome.reply()));
                return true;
            }
            case UNAUTHORISED -> {
                store.retryLater(batch.id(), outcome, now, now);
                pause("the award intake refused the gateway's credentials with " + outcome.status()
                        + " (batch " + batch.id() + "); check gateway.award.secret, then restart or retry a delivery");
                return false;
            }
            case SLOW_DOWN -> {
                Instant next = now.plus(outcome.retryAfter());
                store.retryLater(batch.id(), outcome, next, now);
                gate.holdUntil(next);
                log.warn("award intake asked to slow down ({}): pushing held until {}", outcome.status(), next);
                return false;
            }
            case TRANSIENT -> {
                Duration delay = backoff.after(attempt);
                store.retryLater(batch.id(), outcome, now.plus(delay), now);
                log.warn("batch {} ({}) not delivered on attempt {} ({}), retry in {}", batch.id(), batch.kind(),
                        attempt, Optional.ofNullable(outcome.status()).map(String::valueOf).orElse(outcome.reply()),
                        delay);
                return true;
            }
            default -> throw new IllegalStateException("unexpected outcome " + outcome.verdict());
        }
    }

    private void pause(String reason) {
        if (!reason.equals(gate.pausedBecause().orElse(null))) {
            log.error("ALERT pushing to the award intake paused for every batch: {}", reason);
        }
        gate.pause(reason);
    }
}
