package dev.subsidy.connector.api;

/**
 * A connector the gateway asks for records: marketplaces' incremental order APIs, carriers'
 * trace queries, any HTTP JSON API.
 *
 * <p><b>The loop.</b> The gateway loads the last committed checkpoint (or {@link Checkpoint#NONE}
 * the first time) and calls {@code poll(from)}. It stores the batch's records and the batch's
 * {@link RecordBatch#checkpoint() checkpoint} in <em>one</em> transaction, then, if
 * {@link RecordBatch#hasMore()}, polls again at once from the new checkpoint; otherwise it waits for
 * the next scheduled run. A crash at any point therefore neither skips nor doubles a window: either
 * the records and the checkpoint that covers them were both committed, or neither was and the same
 * {@code poll(from)} is repeated.
 *
 * <p><b>Threading.</b> The gateway never calls {@code poll} on the same instance from two threads
 * at once. Different instances (of the same or of different types) are polled concurrently.
 * {@link #stop()} may arrive while a {@code poll} runs (see {@link Connector}).
 */
public interface PullConnector extends Connector {

    /**
     * Reads the next stretch of source data after {@code from} and returns it with the checkpoint
     * that covers it.
     *
     * <p><b>Idempotent.</b> Calling {@code poll} again with the same checkpoint must be safe and
     * must return the same records, or a superset where the source has changed since (a later
     * version of a record is fine: the gateway keeps the newest by its key). A poll has no side
     * effect on the partner beyond reading: no acknowledgement, no cursor the partner advances on
     * its side, no deletion. The connector keeps no state between polls that the checkpoint does
     * not carry; the gateway may call {@code poll} with an older checkpoint (for example after a
     * rolled-back transaction or an operator's re-run of a window).
     *
     * <p><b>Size.</b> One batch is one page, one time window or one cursor step: small enough to
     * commit in one transaction (a few thousand records at most). Paging inside a window is
     * expressed in the checkpoint (for example {@code window_end} and {@code page}), so that a
     * crash in the middle of a window resumes at the page it was on.
     *
     * <p>An empty batch whose checkpoint equals {@code from} and whose {@code hasMore} is false
     * means "nothing new yet".
     *
     * @param from where to continue; {@link Checkpoint#NONE} for the very first poll, when the
     *     connector starts from its configured start point
     * @return never {@code null}
     * @throws ConnectorException when the partner cannot be read; the gateway stores nothing of this
     *     poll and retries later from the same checkpoint, with a backoff that honours
     *     {@link ConnectorException#retryAfter()}
     * @throws InterruptedException when the calling thread is interrupted (for example by
     *     {@link #stop()}); the poll is abandoned as if it had failed
     */
    RecordBatch poll(Checkpoint from) throws ConnectorException, InterruptedException;

    /**
     * Checks that this connector could resume from {@code checkpoint}, without reading the partner: an
     * operator sets a checkpoint by hand (to re-read from a date, or skip a window), and a value the
     * connector would refuse at its next poll is refused at once instead, with the same reason.
     *
     * <p>The default accepts any checkpoint; a connector whose checkpoint has a shape says so here.
     * Called on a started instance, never while it polls.
     *
     * @throws ConnectorException with {@link ConnectorException.Reason#CONFIGURATION} and the reason
     *     when the checkpoint does not fit this connector
     */
    default void checkCheckpoint(Checkpoint checkpoint) throws ConnectorException {
    }
}
