package dev.subsidy.model;

/**
 * The marketplace's own refund state of an order (TOP's and PDD's {@code refund_status}, JD's
 * after-sale state), independent of the order status a feed reports.
 */
public enum RefundStatus {
    /** No refund asked for. */
    NONE,
    /** A refund asked for or in progress. */
    REQUESTED,
    /** Refunded (in part or in full: {@code refundedAmount} says how much). */
    REFUNDED,
    /** A refund request that was closed without refunding. */
    CLOSED;

    /** Whether money went back to the buyer. */
    public boolean refunded() {
        return this == REFUNDED;
    }
}
