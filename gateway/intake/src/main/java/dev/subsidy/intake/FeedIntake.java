package dev.subsidy.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.file.TextDecoding;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The intake path every feed goes through: read the body in chunks and validate each record on one
 * thread while the chunk before is stored through the {@link IntakeStore} (a few JDBC batches) on
 * another ({@link ParsedChunks}). The whole body is one transaction, so a reply means
 * every accepted record is committed, and a body that turns out unreadable half-way stores nothing.
 */
public class FeedIntake {

    private static final Logger log = LoggerFactory.getLogger(FeedIntake.class);

    /** The log context (MDC) key of the batch being stored. */
    public static final String MDC_BATCH = "batch";
    /** The log context (MDC) key of the connector whose records are stored. */
    public static final String MDC_CONNECTOR = "connector";

    /** Exact decimals from JSON numbers too: an amount must never pass through a double. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // {"carrier": "ZTO", "carrier": "SF"} names two carriers: refuse it rather than keep the last
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final IntakeStore store;
    private final StandardRecordParser parser;
    private final int chunkSize;
    private final Clock clock;
    private final IntakeListener listener;
    /** Bodies read before their write lock at once: the one being stored's successor, and one more. */
    private final Semaphore readingAhead = new Semaphore(2);

    /**
     * @param currencyRates CNY per unit of a foreign currency, for orders paid in it
     * @param chunkSize records validated and written per chunk of a body
     */
    public FeedIntake(IntakeStore store, Map<String, BigDecimal> currencyRates, RecordLimits limits, int chunkSize,
                      Clock clock) {
        this(store, currencyRates, limits, chunkSize, clock, IntakeListener.NONE);
    }

    /** @param listener told of each committed batch, after its commit */
    public FeedIntake(IntakeStore store, Map<String, BigDecimal> currencyRates, RecordLimits limits, int chunkSize,
                      Clock clock, IntakeListener listener) {
        this.store = store;
        this.parser = new StandardRecordParser(currencyRates, limits);
        this.chunkSize = chunkSize;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Reads, validates and stores one body of standard records for a connector.
     *
     * @param declared the charset the Content-Type names, or null to detect UTF-8 / GBK
     * @throws UnreadableBodyException when the body as a whole cannot be read; nothing is stored
     */
    public IntakeReceipt ingest(String connectorId, FeedFormat format, Charset declared, byte[] body) {
        TextDecoding.Checked text = TextDecoder.check(body, declared);
        // the reader is opened inside the transaction: a body found broken half-way rolls back
        // the body is read and validated while the batch waits for the write lock; a body found broken half-way
        // still stores nothing: what the reading thread threw is thrown again inside the transaction
        return store(connectorId, format.name(), () -> RecordReader.open(format, body, text, json), true,
                IntakeCommitHook.NONE);
    }

    /**
     * Reads and checks a body as {@link #ingest(String, FeedFormat, Charset, byte[])} does — every record parsed,
     * validated, hashed and its raw payload packed, a chunk at a time — and stores nothing: what a gateway runs as it
     * starts, so that its first bodies are not read by code the JVM has not compiled yet (docs/operations.md
     * "Start-up").
     *
     * @return how many of the body's records are valid standard records
     * @throws UnreadableBodyException when the body as a whole cannot be read
     */
    public int rehearse(FeedFormat format, byte[] body) {
        RecordReader reader = RecordReader.open(format, body, TextDecoder.check(body, null), json);
        Instant now = clock.instant();
        int valid = 0;
        for (List<BodyRecord> records = reader.next(chunkSize); !records.isEmpty(); records = reader.next(chunkSize)) {
            ParsedChunks.Chunk chunk = ParsedChunks.validate(records, parser, now);
            valid += chunk.shipments().size() + chunk.orders().size();
        }
        return valid;
    }

    /**
     * As {@link #rehearse(FeedFormat, byte[])}, and stores the records too, through the store's write transaction,
     * which is then rolled back: the code that stores a body gets compiled as well as the code that reads it, and
     * nothing is kept (docs/operations.md "Start-up"). Takes the write lock as a body does, for as long.
     *
     * @return how many of the body's records are valid standard records
     * @throws UnreadableBodyException when the body as a whole cannot be read
     */
    public int rehearseStoring(FeedFormat format, byte[] body) {
        TextDecoding.Checked text = TextDecoder.check(body, null);
        try {
            store(REHEARSAL, "REHEARSAL", () -> RecordReader.open(format, body, text, json), true, receipt -> {
                throw new RolledBack(receipt);
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.receipt.accepted() + rolledBack.receipt.duplicates();
        }
        throw new IllegalStateException("a rehearsal's transaction was committed");
    }

    /** The connector a rehearsal's records are stored for, until its transaction is rolled back. */
    private static final String REHEARSAL = "rehearsal";

    /** Thrown before a rehearsal's commit, so that its transaction rolls back; carries what it stored. */
    private static final class RolledBack extends RuntimeException {
        private final transient IntakeReceipt receipt;

        RolledBack(IntakeReceipt receipt) {
            super("a rehearsal is never committed", null, false, false);
            this.receipt = receipt;
        }
    }

    /**
     * Validates and stores records a connector has already read and mapped to standard records,
     * and runs {@code hook} in the same transaction before the commit: a pull connector's
     * checkpoint commits with the records it produced, or neither does.
     *
     * <p>An empty list stores no batch row but still runs the hook (a window with nothing in it
     * moves the checkpoint too).
     *
     * @param origin how the records came (PULL, PUSH, FILE), kept with the batch
     * @param records records in source order, each with its connector position
     * @throws RuntimeException whatever the hook throws; then nothing of this batch is stored
     */
    public IntakeReceipt ingest(String connectorId, String origin, List<BodyRecord> records, IntakeCommitHook hook) {
        return store(connectorId, origin, () -> new ListRecordReader(records), true, hook);
    }

    /**
     * As {@link #ingest(String, String, List, IntakeCommitHook)}, with the records made as they are read: {@code open}
     * gives a reader that maps a connector's source records a chunk at a time, so the mapping runs on the intake's
     * reading thread beside the storing of the chunk before rather than ahead of it all. The mapping depends on nothing
     * stored: it starts before the write lock. {@code open} may be called again (a retried transaction) and must then
     * give a reader from the first record.
     */
    public IntakeReceipt ingestMapped(String connectorId, String origin, Supplier<RecordReader> open,
                                      IntakeCommitHook hook) {
        return store(connectorId, origin, open, true, hook);
    }

    /**
     * As {@link #ingest(String, String, List, IntakeCommitHook)}, with records prepared inside the
     * transaction, after its write lock: {@code prepare} may read what earlier batches committed (a
     * push's kept trace events) knowing no other batch writes meanwhile, and the hook may write what
     * it prepared from. Must not have effects outside the database: it may run again on a retry.
     */
    public IntakeReceipt ingestPrepared(String connectorId, String origin, Supplier<List<BodyRecord>> prepare,
                                        IntakeCommitHook hook) {
        return store(connectorId, origin, () -> new ListRecordReader(prepare.get()), false, hook);
    }

    /**
     * As {@link #ingest(String, String, List, IntakeCommitHook)}, with the records read chunk by chunk
     * inside the transaction, after its write lock: a replay of many rejections is never held whole,
     * and what it reads is what no other batch changes meanwhile.
     */
    public IntakeReceipt ingestReading(String connectorId, String origin, Supplier<RecordReader> open,
                                       IntakeCommitHook hook) {
        return store(connectorId, origin, open, false, hook);
    }

    /** @param beforeLock whether the records may be read before the write lock (they depend on nothing stored) */
    private IntakeReceipt store(String connectorId, String origin, Supplier<RecordReader> open, boolean beforeLock,
                                IntakeCommitHook hook) {
        String batchId = "in-" + UUID.randomUUID();
        // every line logged while the batch is stored carries it and its connector (docs/operations.md "Logs");
        // a pull run has put its connector there already and takes it off itself when the run ends
        boolean ownConnectorKey = MDC.get(MDC_CONNECTOR) == null;
        if (ownConnectorKey) {
            MDC.put(MDC_CONNECTOR, connectorId);
        }
        try (MDC.MDCCloseable batch = MDC.putCloseable(MDC_BATCH, batchId)) {
            IntakeReceipt receipt = storeBatch(connectorId, origin, open, beforeLock, hook, batchId);
            listener.committed(connectorId, origin, receipt);
            return receipt;
        } finally {
            if (ownConnectorKey) {
                MDC.remove(MDC_CONNECTOR);
            }
        }
    }

    private IntakeReceipt storeBatch(String connectorId, String origin, Supplier<RecordReader> open,
                                     boolean beforeLock, IntakeCommitHook hook, String batchId) {
        Instant receivedAt = clock.instant();
        // reading ahead while another batch holds the lock keeps both cores busy; the hand-over is bounded (a
        // waiting body holds a few chunks, not itself parsed whole) and so are the bodies reading ahead at once
        boolean ahead = beforeLock && readingAhead.tryAcquire();
        ParsedChunks early = null;
        try {
            early = ahead ? ParsedChunks.start(open.get(), parser, receivedAt, chunkSize) : null;
            return storeBatch(connectorId, origin, open, early, hook, batchId, receivedAt);
        } finally {
            if (early != null) {
                early.close();
            }
            if (ahead) {
                readingAhead.release();
            }
        }
    }

    private IntakeReceipt storeBatch(String connectorId, String origin, Supplier<RecordReader> open,
                                     ParsedChunks early, IntakeCommitHook hook, String batchId, Instant receivedAt) {
        IntakeReceipt receipt = store.inWriteTransaction(() -> {
            int accepted = 0;
            int duplicates = 0;
            int read = 0;
            List<Rejection> rejections = new ArrayList<>();
            try (ParsedChunks chunks = early != null ? early
                    : ParsedChunks.start(open.get(), parser, receivedAt, chunkSize)) {
                for (ParsedChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                    read += chunk.read();
                    rejections.addAll(chunk.rejections());
                    IntakeStore.Counts cs = store.storeArrivedShipments(chunk.shipments(), connectorId, batchId, receivedAt);
                    IntakeStore.Counts co = store.storeArrivedOrders(chunk.orders(), connectorId, batchId, receivedAt);
                    accepted += cs.accepted() + co.accepted();
                    duplicates += cs.duplicates() + co.duplicates();
                }
            }
            store.storeRejections(connectorId, batchId, receivedAt, rejections);
            if (read > 0 || hook == IntakeCommitHook.NONE) {
                store.storeBatch(new IntakeStore.Batch(batchId, connectorId, receivedAt, origin,
                        accepted + duplicates + rejections.size(), accepted, duplicates, rejections.size()));
            }
            List<IntakeReceipt.Rejected> reasons = rejections.stream()
                    .map(r -> new IntakeReceipt.Rejected(r.index(), r.reason())).toList();
            IntakeReceipt stored = new IntakeReceipt(batchId, accepted, duplicates, reasons);
            hook.beforeCommit(stored);
            return stored;
        });
        if (receipt.total() > 0 || hook == IntakeCommitHook.NONE) {
            // an empty poll every minute is not news; an empty post is
            log.info("feed {}: batch {} {} records: {} accepted, {} duplicates, {} rejected", connectorId, batchId,
                    receipt.total(), receipt.accepted(), receipt.duplicates(), receipt.rejected().size());
        }
        return receipt;
    }
}
