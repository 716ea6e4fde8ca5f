package dev.subsidy.connector.api;

/**
 * A connector the partner sends to: carriers' trace pushes, feeders posting native payloads.
 *
 * <p>The gateway authenticates the caller (the connector's feeder token), enforces the size limit,
 * and hands the request to {@link #receive(PushRequest)}. It stores the returned records in one
 * transaction and answers the sender only after they are durable.
 *
 * <p><b>Threading.</b> {@code receive} is called concurrently from the gateway's HTTP threads:
 * an implementation must be thread-safe (the simplest way: keep no mutable state).
 */
public interface PushConnector extends Connector {

    /**
     * Turns one received request into records.
     *
     * <p><b>Idempotent.</b> Partners resend on timeouts: receiving the same request twice must
     * yield the same records (the gateway reports the second copy as duplicates). No side effects.
     *
     * <p>A record that cannot be understood becomes a {@link SourceRecord.Unreadable} at its
     * position, so that one bad item rejects that item and not the whole request. Throw only when
     * the request as a whole is unacceptable: a wrong partner signature
     * ({@link ConnectorException.Reason#UNAUTHORIZED}) or a body that cannot be parsed at all
     * ({@link ConnectorException.Reason#BAD_PAYLOAD}).
     *
     * @return a batch whose checkpoint is {@link Checkpoint#NONE} (pushes have no cursor) unless the
     *     connector has a reason to record one; {@code hasMore} is ignored
     */
    RecordBatch receive(PushRequest request) throws ConnectorException;

    /**
     * The body to answer a successfully stored push with, in the partner's expected shape (ZTO,
     * for example, wants {@code {"status":true}}). Called after the records are durable.
     * Thread-safe like {@link #receive}. The default is an empty JSON object.
     */
    default PushReply acknowledge(PushRequest request, RecordBatch stored) {
        return PushReply.json("{}");
    }
}
