package dev.subsidy.gateway.intake;

import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake path every feed goes through: read the body in chunks, validate each record, and
 * store the chunk with a few JDBC batches. The whole body is one transaction, so a reply means
 * every accepted record is committed, and a body that turns out unreadable half-way stores nothing.
 */
@Service
public class FeedIntake {

    private static final Logger log = LoggerFactory.getLogger(FeedIntake.class);

    /** Exact decimals from JSON numbers too: an amount must never pass through a double. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // {"carrier": "ZTO", "carrier": "SF"} names two carriers: refuse it rather than keep the last
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WriteLock writeLock;
    private final StandardRecordParser parser;
    private final KindWriter<Shipment> shipments;
    private final KindWriter<SalesOrder> orders;
    private final int chunkSize;
    private final Clock clock;

    public FeedIntake(JdbcTemplate jdbc, RowWriter rowWriter, TransactionTemplate transactions,
                      WriteLock writeLock, GatewayProperties properties, RecordLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writeLock = writeLock;
        this.parser = new StandardRecordParser(properties.currencyRates(), limits);
        this.shipments = new KindWriter<>(jdbc, rowWriter, RecordKind.SHIPMENT, new ShipmentTable());
        this.orders = new KindWriter<>(jdbc, rowWriter, RecordKind.ORDER, new OrderTable());
        this.chunkSize = properties.feeds().batchSize();
        this.clock = clock;
    }

    /**
     * Reads, validates and stores one body of standard records for a connector.
     *
     * @param declared the charset the Content-Type names, or null to detect UTF-8 / GBK
     * @throws UnreadableBodyException when the body as a whole cannot be read; nothing is stored
     */
    public IntakeReceipt ingest(String connectorId, FeedFormat format, Charset declared, byte[] body) {
        String text = TextDecoder.decode(body, declared);
        // the reader is opened inside the transaction: a body found broken half-way rolls back
        return store(connectorId, format.name(), () -> RecordReader.open(format, text, json), IntakeCommitHook.NONE);
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
        return store(connectorId, origin, () -> new ListRecordReader(records), hook);
    }

    /**
     * As {@link #ingest(String, String, List, IntakeCommitHook)}, with records prepared inside the
     * transaction, after its write lock: {@code prepare} may read what earlier batches committed (a
     * push's kept trace events) knowing no other batch writes meanwhile, and the hook may write what
     * it prepared from. Must not have effects outside the database: it may run again on a retry.
     */
    public IntakeReceipt ingestPrepared(String connectorId, String origin, Supplier<List<BodyRecord>> prepare,
                                        IntakeCommitHook hook) {
        return store(connectorId, origin, () -> new ListRecordReader(prepare.get()), hook);
    }

    private IntakeReceipt store(String connectorId, String origin, Supplier<RecordReader> open,
                                IntakeCommitHook hook) {
        String batchId = "in-" + UUID.randomUUID();
        Instant receivedAt = clock.instant();
        IntakeReceipt receipt = transactions.execute(tx -> {
            writeLock.acquire();
            RecordReader reader = open.get();
            int accepted = 0;
            int duplicates = 0;
            int read = 0;
            List<Rejection> rejections = new ArrayList<>();
            for (List<BodyRecord> chunk = reader.next(chunkSize); !chunk.isEmpty(); chunk = reader.next(chunkSize)) {
                read += chunk.size();
                List<Shipment> s = new ArrayList<>();
                List<SalesOrder> o = new ArrayList<>();
                for (BodyRecord source : chunk) {
                    Object parsed = parser.parse(source, receivedAt);
                    if (parsed instanceof ParsedRecord p) {
                        if (p.shipment() != null) {
                            s.add(p.shipment());
                        } else {
                            o.add(p.order());
                        }
                    } else {
                        rejections.add((Rejection) parsed);
                    }
                }
                KindWriter.Counts cs = shipments.write(s, connectorId, batchId, receivedAt);
                KindWriter.Counts co = orders.write(o, connectorId, batchId, receivedAt);
                accepted += cs.accepted() + co.accepted();
                duplicates += cs.duplicates() + co.duplicates();
            }
            storeRejections(connectorId, batchId, receivedAt, rejections);
            if (read > 0 || hook == IntakeCommitHook.NONE) {
                jdbc.update("INSERT INTO intake_batch (id, connector_id, received_at, format, records, accepted, "
                        + "duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batchId, connectorId,
                        receivedAt.toEpochMilli(), origin, accepted + duplicates + rejections.size(), accepted,
                        duplicates, rejections.size());
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

    private void storeRejections(String connectorId, String batchId, Instant receivedAt, List<Rejection> rejections) {
        jdbc.batchUpdate("INSERT INTO rejected_record (batch_id, record_index, connector_id, reason, raw, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rejections, 1000, (ps, r) -> {
                    ps.setString(1, batchId);
                    ps.setInt(2, r.index());
                    ps.setString(3, connectorId);
                    // a NUL in a broken line or cell is kept visible: PostgreSQL text cannot hold one
                    ps.setString(4, RecordText.printable(r.reason()));
                    ps.setString(5, r.raw() == null ? "" : RecordText.printable(r.raw()));
                    ps.setLong(6, receivedAt.toEpochMilli());
                });
    }
}
