package dev.subsidy.runtime;

import java.time.Duration;

/**
 * Told when a pull connector's run ends, for the gateway's meters (poll duration, failures). The
 * runtime keeps no meters of its own: the server implements this with Micrometer.
 */
public interface RunObserver {

    /** Observes nothing: the runtime without a server around it (its own tests). */
    RunObserver NONE = (connectorId, took, succeeded) -> { };

    /**
     * @param took from the tick that found the connector due to its last batch stored or its failure
     * @param succeeded whether everything the run read was stored
     */
    void runEnded(String connectorId, Duration took, boolean succeeded);
}
