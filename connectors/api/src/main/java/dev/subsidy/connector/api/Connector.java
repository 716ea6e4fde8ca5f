package dev.subsidy.connector.api;

/**
 * A running instance of a connector type: one per configured connector definition.
 *
 * <p><b>Lifecycle.</b> The gateway creates an instance with {@link ConnectorProvider#create()},
 * calls {@link #start(ConnectorContext)} once, then the methods of its kind
 * ({@link PullConnector}, {@link PushConnector} or {@link FileConnector}), and finally
 * {@link #stop()} once. An instance is never restarted: after {@code stop()} (or a failed
 * {@code start}) the gateway discards it and creates a new one. A definition that is replaced
 * through the admin API gets a new instance; the old one is stopped.
 *
 * <p><b>Threading.</b> {@code start} happens-before every other call. {@code stop} may be called
 * from any thread, including while another thread is inside a {@code poll}, {@code receive} or
 * {@code read} of the same instance: it must make such calls end promptly (for example by
 * cancelling an HTTP exchange or letting the next {@link InterruptedException} propagate) and
 * must not block waiting for them. The concurrency allowed between the kind-specific methods is
 * stated on each kind.
 *
 * <p><b>What a connector may not do</b> is listed in the {@linkplain dev.subsidy.connector.api
 * package documentation}: no database access, no {@code System.exit}, no static mutable state,
 * secrets only through the context and never logged, network only through the context.
 */
public interface Connector {

    /**
     * Prepares the instance: reads its configuration and secrets from the context, builds its
     * clients. It should not call the partner: a connector whose partner is down must still start
     * (the first {@code poll} reports the failure). The context stays valid until {@link #stop()}
     * returns; the connector may keep a reference to it.
     *
     * @throws ConnectorException with reason {@link ConnectorException.Reason#CONFIGURATION} when the
     *     configuration is unusable (the gateway validated it against the provider's
     *     {@link ConfigDef} first, so this covers only what the descriptor cannot express)
     */
    void start(ConnectorContext context) throws ConnectorException;

    /**
     * Releases what {@code start} acquired. Idempotent, never throws, returns promptly. Records
     * returned before {@code stop} are still stored by the gateway; nothing is lost because the
     * checkpoint only moves with stored records.
     */
    void stop();
}
