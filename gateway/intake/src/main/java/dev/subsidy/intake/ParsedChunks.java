package dev.subsidy.intake;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * The intake's pipeline: one thread reads and validates a body's records a chunk at a time — parsing,
 * checking every field, working out each record's canonical form and hash — while the thread that
 * holds the write transaction stores the chunk before. A bounded hand-over (two chunks ahead at most)
 * keeps a large body from being parsed faster than it is stored, so memory stays a few chunks. What
 * the reading thread throws (a body found broken half-way) is thrown again on the storing thread, in
 * its transaction, so nothing of that body is stored.
 */
final class ParsedChunks implements AutoCloseable {

    /** Chunks read ahead of the one being stored. */
    private static final int AHEAD = 2;

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Daemon threads, made as needed: one per body being read (FeedIntake bounds those reading ahead). */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "intake-parse-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** One chunk of a body, validated: its valid records by kind and its rejections. */
    record Chunk(int read, List<IntakeStore.Arrival<Shipment>> shipments, List<IntakeStore.Arrival<SalesOrder>> orders,
                 List<Rejection> rejections) {}

    private static final Chunk END = new Chunk(0, List.of(), List.of(), List.of());

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Future<?> reading;
    private volatile boolean closed;
    /** Set when the reader must be read on the storing thread: then there is no reading thread. */
    private final Inline inline;

    private ParsedChunks(RecordReader reader, StandardRecordParser parser, Instant receivedAt, int chunkSize) {
        if (reader.readsInTransaction()) {
            this.inline = new Inline(reader, parser, receivedAt, chunkSize);
            this.reading = null;
            return;
        }
        this.inline = null;
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        this.reading = READERS.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                for (List<BodyRecord> records = reader.next(chunkSize); !records.isEmpty() && !closed;
                     records = reader.next(chunkSize)) {
                    hand(validate(records, parser, receivedAt));
                }
                hand(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                handFailure(e);
            } finally {
                MDC.clear();
            }
        });
    }

    /** Starts reading {@code reader} on a reading thread. */
    static ParsedChunks start(RecordReader reader, StandardRecordParser parser, Instant receivedAt, int chunkSize) {
        return new ParsedChunks(reader, parser, receivedAt, chunkSize);
    }

    /**
     * The next chunk, waiting for it if need be; null at the end of the body.
     *
     * @throws RuntimeException what reading the body threw (an {@link UnreadableBodyException} as it was)
     */
    Chunk next() {
        if (inline != null) {
            List<BodyRecord> records = inline.reader.next(inline.chunkSize);
            return records.isEmpty() ? null : validate(records, inline.parser, inline.receivedAt);
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the body was read", e);
        }
        if (item instanceof Failure failure) {
            if (failure.error() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure.error() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure.error());
        }
        Chunk chunk = (Chunk) item;
        return chunk == END ? null : chunk;
    }

    /** Stops the reading thread if it is still going (the store failed): it never blocks on a full hand-over. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        if (reading != null) {
            reading.cancel(true);
        }
    }

    private void hand(Chunk chunk) throws InterruptedException {
        while (!closed) {
            if (queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private void handFailure(Throwable e) {
        try {
            while (!closed && !queue.offer(new Failure(e), 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the storing thread takes one chunk at a time: room comes
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static Chunk validate(List<BodyRecord> records, StandardRecordParser parser, Instant receivedAt) {
        List<IntakeStore.Arrival<Shipment>> shipments = new ArrayList<>();
        List<IntakeStore.Arrival<SalesOrder>> orders = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (BodyRecord source : records) {
            Object parsed = parser.parse(source, receivedAt);
            if (parsed instanceof ParsedRecord p) {
                if (p.shipment() != null) {
                    shipments.add(IntakeStore.Arrival.toPack(p.shipment(), p.payload()));
                } else {
                    orders.add(IntakeStore.Arrival.toPack(p.order(), p.payload()));
                }
            } else {
                rejections.add((Rejection) parsed);
            }
        }
        return new Chunk(records.size(), IntakeStore.Arrival.packed(shipments), IntakeStore.Arrival.packed(orders),
                rejections);
    }

    private record Failure(Throwable error) {}

    private record Inline(RecordReader reader, StandardRecordParser parser, Instant receivedAt, int chunkSize) {}
}
