package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeCommitHook;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.mapping.MappedReader;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the file's rows through the definition's mapping and stores them in one intake transaction:
 * every row of the file is committed (accepted, duplicate or rejected with its reason) or none is,
 * and a failed commit leaves the file in the inbox to be read again. Nothing is stored for a file
 * that could not be read at all.
 */
final class StoreStep implements Processor {

    /** Kept with each batch in intake_batch.format. */
    static final String ORIGIN = "FILE";
    /** From this many rows a file's steps are logged as they end: reading a big export takes a while. */
    static final int BIG_FILE_ROWS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StoreStep.class);

    private final RecordMapper mapper;
    private final FeedIntake intake;

    StoreStep(RecordMapper mapper, FeedIntake intake) {
        this.mapper = mapper;
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) {
        RecordBatch batch = exchange.getProperty(InboxHeaders.BATCH, RecordBatch.class);
        if (batch == null) {
            return; // unreadable: ReadStep said why
        }
        ConnectorInstance instance = exchange.getProperty(InboxHeaders.INSTANCE, ConnectorInstance.class);
        ConnectorDefinition d = instance.definition();
        int rows = batch.records().size();
        long started = System.nanoTime();
        boolean big = rows >= BIG_FILE_ROWS;
        if (big) {
            log.info("connector {}: {} read, {} rows; mapping and storing them in one transaction", instance.id(),
                    fileName(exchange), String.format(Locale.ROOT, "%,d", rows));
        }
        // mapped a chunk at a time on the intake's reading thread, beside the storing; a retried transaction maps
        // again from the first row, and the reader that stored is the one whose positions the error report names
        AtomicReference<MappedReader> reader = new AtomicReference<>();
        IntakeReceipt receipt = intake.ingestMapped(instance.id(), ORIGIN, () -> {
            reader.set(new MappedReader(mapper, d.effectiveMapping(), d.mappingParams(), batch.records()));
            return reader.get();
        }, IntakeCommitHook.NONE);
        exchange.setProperty(InboxHeaders.POSITIONS, reader.get().positions());
        exchange.setProperty(InboxHeaders.RECEIPT, receipt);
        if (big) {
            log.info("connector {}: {} rows of {} mapped and stored in {} ms", instance.id(),
                    String.format(Locale.ROOT, "%,d", rows), fileName(exchange), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static String fileName(Exchange exchange) {
        Path file = exchange.getProperty(InboxHeaders.FILE, Path.class);
        return file == null ? "the file" : file.getFileName().toString();
    }
}
