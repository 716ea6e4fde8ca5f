package dev.subsidy.intake;

/**
 * Told of every batch the intake committed, whatever brought it (a feed post, a push, a poll, a
 * file): the gateway counts records per connector with it (docs/operations.md "Metrics").
 */
public interface IntakeListener {

    IntakeListener NONE = (connectorId, origin, receipt) -> { };

    /** @param origin how the records came: a feed format (JSON, NDJSON, CSV), PULL, PUSH or FILE */
    void committed(String connectorId, String origin, IntakeReceipt receipt);
}
