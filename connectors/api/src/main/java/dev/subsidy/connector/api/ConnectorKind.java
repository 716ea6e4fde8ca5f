package dev.subsidy.connector.api;

/**
 * How records reach the gateway through a connector. A provider declares its kind; the instance it
 * creates implements the matching interface ({@link #connectorInterface()}). Constants: thread-safe.
 */
public enum ConnectorKind {
    /** The gateway asks: it calls {@link PullConnector#poll(Checkpoint)} on a schedule or on demand. */
    PULL,
    /** The partner sends: the gateway receives a request and hands it to {@link PushConnector#receive(PushRequest)}. */
    PUSH,
    /** A file arrives in the connector's inbox folder and the gateway hands it to {@link FileConnector#read}. */
    FILE;

    /** The interface a connector of this kind implements. */
    public Class<? extends Connector> connectorInterface() {
        return switch (this) {
            case PULL -> PullConnector.class;
            case PUSH -> PushConnector.class;
            case FILE -> FileConnector.class;
        };
    }
}
