package dev.subsidy.runtime.push;

/**
 * Marks a push connector whose senders are feeders of the gateway's own feed contract: they are
 * answered with the intake receipt (202, accepted / duplicates / rejected) rather than with
 * {@link dev.subsidy.connector.api.PushConnector#acknowledge}, which speaks a partner's language.
 */
public interface ReceiptReply {
}
