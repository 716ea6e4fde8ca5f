package dev.subsidy.runtime.file;

/**
 * Names of the headers, exchange properties and template parameters of the inbox route, in one
 * place. Values are set by the route's own steps from the template parameters, never taken from a
 * file or from outside.
 */
final class InboxHeaders {

    /** Header: the connector id of the route instance (String). */
    static final String CONNECTOR_ID = "GatewayConnectorId";

    /** Property: the {@code ConnectorInstance} the file is read for, fixed when the exchange starts. */
    static final String INSTANCE = "GatewayInboxInstance";
    /** Property: the file being read ({@code java.nio.file.Path}). */
    static final String FILE = "GatewayInboxFile";
    /** Property: the {@code RecordBatch} the connector read from the file. */
    static final String BATCH = "GatewayInboxBatch";
    /** Property: why the file as a whole cannot be read (String); then there is no batch. */
    static final String UNREADABLE = "GatewayInboxUnreadable";
    /** Property: the source position of each record the file was mapped to, by its number (List of String). */
    static final String POSITIONS = "GatewayInboxPositions";
    /** Property: the {@code IntakeReceipt} of the committed batch. */
    static final String RECEIPT = "GatewayInboxReceipt";
    /** Property: the {@code RunTally} of the file being taken, begun when it is claimed. */
    static final String TALLY = "GatewayInboxTally";

    /** Template parameter: the connector id. */
    static final String PARAM_CONNECTOR_ID = "connectorId";
    /** Template parameter: the inbox folder, absolute. */
    static final String PARAM_INBOX = "inbox";
    /** Template parameter: the name of the route's own {@link InboxFilter} bean. */
    static final String PARAM_FILTER = "filterBean";
    /** Template parameter: how often the folder is listed, in milliseconds. */
    static final String PARAM_DELAY_MILLIS = "delayMillis";

    private InboxHeaders() {}
}
