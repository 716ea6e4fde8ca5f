package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.runtime.ConnectorInstance;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Polls one batch from the last committed checkpoint. The checkpoint is read from the table each
 * time, never kept in memory: after a rolled-back batch the next poll starts where the database
 * says, so nothing is skipped.
 */
final class PollStep implements Processor {

    private final CheckpointStore checkpoints;

    PollStep(CheckpointStore checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ConnectorInstance instance = exchange.getProperty(ConnectorHeaders.INSTANCE, ConnectorInstance.class);
        Checkpoint from = checkpoints.load(instance.id(), instance.definition().type());
        RecordBatch batch = instance.pull().poll(from);
        if (batch == null) {
            throw new IllegalStateException("connector type '" + instance.definition().type() + "' returned no batch");
        }
        exchange.setProperty(ConnectorHeaders.FROM, from);
        exchange.setProperty(ConnectorHeaders.BATCH, batch);
        exchange.getMessage().setHeader(ConnectorHeaders.BATCHES,
                exchange.getMessage().getHeader(ConnectorHeaders.BATCHES, 0, Integer.class) + 1);
    }
}
