package dev.subsidy.connector.testkit;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's poll loop, reduced to what tests need: poll, "commit" the batch (keep its records and
 * checkpoint), and poll again at once while the batch says there is more. Stateless; thread-safe.
 */
public final class PollLoop {

    /**
     * What a loop read.
     *
     * @param records every record of every batch, in order
     * @param batches every batch, in order
     * @param checkpoint the last committed checkpoint
     */
    public record Outcome(List<SourceRecord> records, List<RecordBatch> batches, Checkpoint checkpoint) {
        public Outcome {
            records = List.copyOf(records);
            batches = List.copyOf(batches);
        }
    }

    private PollLoop() {
    }

    /**
     * Polls from {@code from} until a batch has no more after it.
     *
     * @throws AssertionError when the connector still has more after {@code maxPolls} polls (a
     *     connector that never reaches the end would otherwise hang the test)
     */
    public static Outcome toEnd(PullConnector connector, Checkpoint from, int maxPolls)
            throws ConnectorException, InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        List<RecordBatch> batches = new ArrayList<>();
        Checkpoint committed = from;
        for (int i = 0; i < maxPolls; i++) {
            RecordBatch batch = connector.poll(committed);
            if (batch == null) {
                throw new AssertionError("poll returned null (from " + committed + ")");
            }
            batches.add(batch);
            records.addAll(batch.records());
            committed = batch.checkpoint();
            if (!batch.hasMore()) {
                return new Outcome(records, batches, committed);
            }
        }
        throw new AssertionError("still more to read after " + maxPolls + " polls; last checkpoint " + committed);
    }
}
