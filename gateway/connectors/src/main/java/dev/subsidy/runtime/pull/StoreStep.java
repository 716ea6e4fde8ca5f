package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.RunTally;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Stores the mapped batch and its checkpoint in one intake transaction, the checkpoint written by
 * the intake's commit hook: a crash or a failed write anywhere before the commit leaves both the
 * records and the checkpoint as they were, and the next poll reads the same window again. Decides
 * whether the run polls again at once (the connector says there is more, within the run's limit).
 */
final class StoreStep implements Processor {

    /** Kept with each batch in intake_batch.format. */
    static final String ORIGIN = "PULL";

    private final FeedIntake intake;
    private final CheckpointStore checkpoints;
    private final int maxBatchesPerRun;
    private final RunProgressLog progress = new RunProgressLog();

    StoreStep(FeedIntake intake, CheckpointStore checkpoints, int maxBatchesPerRun) {
        this.intake = intake;
        this.checkpoints = checkpoints;
        this.maxBatchesPerRun = maxBatchesPerRun;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        ConnectorInstance instance = exchange.getProperty(ConnectorHeaders.INSTANCE, ConnectorInstance.class);
        RecordBatch batch = exchange.getProperty(ConnectorHeaders.BATCH, RecordBatch.class);
        Checkpoint from = exchange.getProperty(ConnectorHeaders.FROM, Checkpoint.class);
        List<BodyRecord> records = exchange.getProperty(ConnectorHeaders.RECORDS, List.class);
        String type = instance.definition().type();
        if (!records.isEmpty() || !batch.checkpoint().equals(from)) {
            IntakeReceipt receipt = intake.ingest(instance.id(), ORIGIN, records,
                    stored -> checkpoints.save(instance.id(), type, batch.checkpoint(), stored.batchId()));
            RunTally tally = exchange.getProperty(ConnectorHeaders.TALLY, RunTally.class);
            if (tally != null) {
                tally.add(receipt);
                progress.stored(instance.id(), tally, batch.checkpoint());
            }
        }
        int batches = exchange.getMessage().getHeader(ConnectorHeaders.BATCHES, 0, Integer.class);
        boolean more = batch.hasMore() && !batch.checkpoint().equals(from);
        exchange.getMessage().setHeader(ConnectorHeaders.MORE,
                more && batches < maxBatchesPerRun && !instance.status().isPaused());
        // a backlog left by the run's limit is taken up at the next tick, not after the schedule
        exchange.setProperty(RunSucceeded.BACKLOG, more);
    }
}
