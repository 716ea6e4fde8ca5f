package dev.subsidy.connector.api;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link PullConnector#poll}, {@link PushConnector#receive} or {@link FileConnector#read}
 * returns: the records read, in source order, and the checkpoint that covers exactly them.
 *
 * <p>The gateway commits the records (after mapping) and the checkpoint in one transaction.
 * Immutable and thread-safe.
 *
 * @param records the records, in source order; may be empty
 * @param checkpoint where the next poll continues: after these records and nothing more
 * @param hasMore whether more data is already available after {@code checkpoint} (another page of the
 *     window, a window that has already closed): the gateway polls again at once instead of waiting
 *     for the next run. Only meaningful for pull connectors.
 */
public record RecordBatch(List<SourceRecord> records, Checkpoint checkpoint, boolean hasMore) {

    public RecordBatch {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** A batch after which more data is already available. */
    public static RecordBatch more(List<SourceRecord> records, Checkpoint checkpoint) {
        return new RecordBatch(records, checkpoint, true);
    }

    /** A batch that reaches the end of what the source has for now. */
    public static RecordBatch last(List<SourceRecord> records, Checkpoint checkpoint) {
        return new RecordBatch(records, checkpoint, false);
    }

    /** Nothing new: no records, the same checkpoint, nothing more for now. */
    public static RecordBatch nothingNew(Checkpoint from) {
        return new RecordBatch(List.of(), from, false);
    }

    /** Records with no checkpoint of their own: pushes and files. */
    public static RecordBatch of(List<SourceRecord> records) {
        return new RecordBatch(records, Checkpoint.NONE, false);
    }

    /** Number of records, readable or not. */
    public int size() {
        return records.size();
    }

    /** Whether there are no records. */
    public boolean isEmpty() {
        return records.isEmpty();
    }
}
