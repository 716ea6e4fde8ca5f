package dev.subsidy.connector.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * A connector that reads files dropped in its inbox folder: carriers' daily or monthly waybill
 * exports (CSV in UTF-8 or GBK, XLSX), marketplace statements.
 *
 * <p>The gateway watches the folder, waits until a file is complete, opens it and hands the stream
 * to {@link #read(String, InputStream)}. It stores the batch in one transaction, then moves the file
 * to {@code done/} or {@code failed/} and writes the per-row report of
 * {@link SourceRecord.Unreadable} records beside it. The connector never touches the folder itself.
 *
 * <p><b>Threading.</b> The gateway reads at most one file at a time per instance: {@code read} is
 * never called concurrently on the same instance. {@link #accepts(String)} may be called from any
 * thread.
 */
public interface FileConnector extends Connector {

    /**
     * Whether a file of this name is for this connector (for example by extension). Pure function
     * of the name. Files it refuses are left where they are and reported once.
     */
    default boolean accepts(String fileName) {
        return true;
    }

    /**
     * Reads one whole file into records.
     *
     * <p><b>Idempotent.</b> The same content yields the same records (the gateway may re-read a file
     * after a crash before it was moved). Each record's position is the row (or sheet and row) it
     * came from, so that an error report can point at it. A row that cannot be read becomes a
     * {@link SourceRecord.Unreadable}; throw only when the file as a whole cannot be read (wrong
     * format, no header row).
     *
     * @param fileName the file's name without folders, for format detection and messages
     * @param content the file's bytes; the gateway closes it
     * @return a batch whose checkpoint is {@link Checkpoint#NONE} or any small marker the connector
     *     wants recorded; {@code hasMore} is ignored
     */
    RecordBatch read(String fileName, InputStream content) throws ConnectorException, IOException;
}
