package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.StoredShipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slices of a close's period, handed from its reader thread to the close: every slice once and in the order read;
 * a reading that fails half-way fails the close after the slices before it; a close that fails half-way stops the
 * reading, which never waits for it; at most two slices wait.
 */
class SliceQueueTest {

    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        reader.shutdownNow();
    }

    @Test
    void everySliceComesOnceInTheOrderItWasReadAndNoMoreThanTwoWait() throws Exception {
        SliceQueue queue = new SliceQueue();
        AtomicInteger put = new AtomicInteger();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> queue.produce(() -> {
            for (int i = 0; i < 50; i++) {
                queue.put(List.of(parcel(i)));
                put.incrementAndGet();
            }
        }), reader);
        List<String> taken = new ArrayList<>();
        queue.consume(slice -> {
            if (taken.isEmpty()) {
                sleep(300); // the reader runs ahead meanwhile, as far as the queue lets it
                assertThat(put.get()).as("slices read while the first is screened").isLessThanOrEqualTo(1 + SliceQueue.AHEAD);
            }
            taken.add(slice.get(0).record().waybillNo());
        });
        reading.get(5, TimeUnit.SECONDS);
        assertThat(taken).hasSize(50).first().isEqualTo("7300000");
        assertThat(taken).last().isEqualTo("7300049");
        assertThat(taken).doesNotHaveDuplicates();
    }

    @Test
    void aReadingThatFailsHalfWayFailsTheCloseAfterTheSlicesBeforeIt() {
        SliceQueue queue = new SliceQueue();
        CompletableFuture.runAsync(() -> queue.produce(() -> {
            queue.put(List.of(parcel(1)));
            queue.put(List.of(parcel(2)));
            throw new java.sql.SQLException("connection lost");
        }), reader);
        List<String> taken = new ArrayList<>();

        assertThatThrownBy(() -> queue.consume(slice -> taken.add(slice.get(0).record().waybillNo())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reading the period's shipments failed: connection lost");
        assertThat(taken).containsExactly("7300001", "7300002");
    }

    @Test
    void aCloseThatFailsHalfWayStopsTheReadingWhichDoesNotWaitForIt() throws Exception {
        SliceQueue queue = new SliceQueue();
        AtomicInteger put = new AtomicInteger();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> queue.produce(() -> {
            for (int i = 0; i < 1_000_000; i++) {
                queue.put(List.of(parcel(i)));
                put.incrementAndGet();
            }
        }), reader);

        assertThatThrownBy(() -> {
            try {
                queue.consume(slice -> {
                    throw new IllegalArgumentException("marking failed");
                });
            } finally {
                queue.cancel();
            }
        }).hasMessage("marking failed");
        reading.get(5, TimeUnit.SECONDS); // the reader stopped rather than waiting to hand on the rest
        assertThat(put.get()).as("slices read before it stopped").isLessThan(10);
    }

    private static StoredShipment parcel(int i) {
        return new StoredShipment(new Shipment(Carrier.ZTO, Integer.toString(7_300_000 + i), Instant.EPOCH, "522633",
                null, "440106", null, null, null, null, null, null, null, null, Instant.EPOCH), List.of("feed"), 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
