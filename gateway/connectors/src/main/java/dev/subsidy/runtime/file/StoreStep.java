package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeCommitHook;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.mapping.IntakeRecords;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Maps the file's rows through the definition's mapping and stores them in one intake transaction:
 * every row of the file is committed (accepted, duplicate or rejected with its reason) or none is,
 * and a failed commit leaves the file in the inbox to be read again. Nothing is stored for a file
 * that could not be read at all.
 */
final class StoreStep implements Processor {

    /** Kept with each batch in intake_batch.format. */
    static final String ORIGIN = "FILE";

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
        List<BodyRecord> records = IntakeRecords.of(mapper.map(d.effectiveMapping(), d.mappingParams(), batch.records()));
        exchange.setProperty(InboxHeaders.RECORDS, records);
        exchange.setProperty(InboxHeaders.RECEIPT, intake.ingest(instance.id(), ORIGIN, records, IntakeCommitHook.NONE));
    }
}
