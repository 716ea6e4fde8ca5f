package dev.subsidy.gateway.storage.verification;

import dev.subsidy.verification.StoredShipment;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Slices of a period's shipments handed from the thread that reads them to the close's thread, at most {@link #AHEAD}
 * read ahead: what a close holds of its period is those and the one it screens. A failure on either side stops the
 * other: the reader's is thrown to the close, and a close that stops is no longer waited for by the reader.
 */
final class SliceQueue {

    static final int AHEAD = 2;
    private static final List<StoredShipment> END = List.of();

    /** Work that reads slices and {@link #put}s them. */
    @FunctionalInterface
    interface Producer {
        void run() throws Exception;
    }

    private final BlockingQueue<List<StoredShipment>> slices = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean cancelled;
    private volatile Throwable failed;

    /** Runs the reading, then marks the end, or the failure the reading met. */
    void produce(Producer reading) {
        try {
            reading.run();
        } catch (Throwable e) {
            failed = e;
        } finally {
            offerEnd();
        }
    }

    /** Hands a slice on, waiting while {@link #AHEAD} wait; stops the reading once the close has stopped. */
    void put(List<StoredShipment> slice) {
        try {
            do {
                if (cancelled) {
                    throw new IllegalStateException("the close stopped reading its period");
                }
            } while (!slices.offer(slice, 100, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the period", e);
        }
    }

    /** Each slice to {@code each} until the reading ends; the reading's failure thrown once the slices before it are taken. */
    void consume(Consumer<List<StoredShipment>> each) {
        try {
            for (List<StoredShipment> slice = slices.take(); slice != END; slice = slices.take()) {
                each.accept(slice);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the period's next slice", e);
        }
        Throwable e = failed;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException("reading the period's shipments failed: " + e.getMessage(), e);
        }
    }

    /** The close has stopped taking slices: the reading stops at its next one. */
    void cancel() {
        cancelled = true;
        slices.clear();
    }

    private void offerEnd() {
        try {
            while (!slices.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
