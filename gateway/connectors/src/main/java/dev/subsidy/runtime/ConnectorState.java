package dev.subsidy.runtime;

/** What the connector list says of a connector (docs/api.md). */
public enum ConnectorState {
    /** Runs on its schedule (pull) or takes pushes; its last run, if any, succeeded. */
    RUNNING,
    /** Paused by an operator: no polls, pushes refused until resumed. Survives restarts. */
    PAUSED,
    /** Its last run failed (retried with backoff), or its definition cannot be used any more. */
    FAILING
}
