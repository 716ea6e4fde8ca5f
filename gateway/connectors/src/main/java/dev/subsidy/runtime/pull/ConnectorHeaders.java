package dev.subsidy.runtime.pull;

import dev.subsidy.intake.FeedIntake;

/**
 * Names of the headers and exchange properties of the pull route, in one place. Values are set by
 * the route's own steps from the template parameters, never taken from outside.
 */
public final class ConnectorHeaders {

    /** Header: the connector id of the route instance (String). */
    public static final String CONNECTOR_ID = "GatewayConnectorId";
    /** Header: whether the loop polls again at once (Boolean). */
    public static final String MORE = "GatewayConnectorMore";
    /** Header: batches polled in this run so far (Integer). */
    public static final String BATCHES = "GatewayConnectorBatches";

    /** Property: the {@code ConnectorInstance} this run works for, fixed when the run starts. */
    public static final String INSTANCE = "GatewayConnectorInstance";
    /** Property: {@link System#nanoTime()} when the run began (Long), for its duration. */
    static final String RUN_STARTED = "GatewayConnectorRunStarted";
    /** The log context (MDC) key naming the connector a line is about (docs/operations.md "Logs"). */
    public static final String MDC_CONNECTOR = FeedIntake.MDC_CONNECTOR;
    /** Property: the checkpoint the current batch was polled from. */
    public static final String FROM = "GatewayConnectorFrom";
    /** Property: the current {@code RecordBatch}. */
    public static final String BATCH = "GatewayConnectorBatch";
    /** Property: the {@code RunTally} of this run, begun when the run starts. */
    public static final String TALLY = "GatewayConnectorTally";
    /** Property: the current batch mapped, as intake records. */
    public static final String RECORDS = "GatewayConnectorRecords";

    /** Template parameter: the connector id. */
    static final String PARAM_CONNECTOR_ID = "connectorId";
    /** Template parameter: the timer period in milliseconds. */
    static final String PARAM_TICK_MILLIS = "tickMillis";

    private ConnectorHeaders() {}
}
