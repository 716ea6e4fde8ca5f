package dev.subsidy.runtime;

/**
 * What the connector list says of a connector (docs/api.md). RUNNING, PAUSED and FAILING are the
 * contract's first three states; IDLE and STOPPED were added to tell apart what RUNNING used to cover
 * (a connector enabled and healthy, whether or not it was reading at that moment).
 */
public enum ConnectorState {
    /** A run is in progress now: a pull connector polling, a file connector reading a file. */
    RUNNING,
    /** Enabled and healthy, waiting for its schedule, its next file or its next push. */
    IDLE,
    /** Paused by an operator: no polls, pushes refused until resumed. Survives restarts. */
    PAUSED,
    /** Its last run failed (retried with backoff), or its definition cannot be used any more. */
    FAILING,
    /** Deleted, or what drives it (its route) could not be started: it takes nothing until added again. */
    STOPPED
}
