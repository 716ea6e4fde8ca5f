package dev.subsidy.runtime;

import dev.subsidy.connector.api.ConnectorKind;

/**
 * Told when the runtime starts or stops a connector instance, so that what drives a kind (the pull
 * route, the inbox route of file connectors) follows the instances without the runtime knowing it.
 * Called under the runtime's lock, one instance at a time.
 */
public interface ConnectorLifecycle {

    /** The kind of connector this drives; definitions of a kind nothing drives are refused. */
    ConnectorKind kind();

    void started(ConnectorInstance instance);

    /** Called after the instance itself was stopped (its calls in flight cancelled). */
    void stopped(ConnectorInstance instance);
}
