package dev.subsidy.verification.fraud;

import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;

/**
 * order.refunded-claimed and parcel.cancelled-order: an order the platform calls refunded that still
 * claims its full amount, and a parcel carrying an order that was cancelled.
 */
final class RefundRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        for (OrderVerdict o : facts.orders()) {
            SalesOrder r = o.stored().record();
            if (r.refundOfUnknownSize()) {
                String said = r.status() == OrderStatus.REFUNDED ? "status REFUNDED" : "refund status " + r.refundStatus();
                flags.order(o, Finding.suspect(Rules.REFUND_CLAIMED, said + " but refundedAmount is 0: a refund of "
                        + "unknown size on " + r.amount() + " CNY, counted as nothing"));
            }
        }
        for (ShipmentVerdict s : facts.shipments()) {
            for (OrderVerdict o : facts.ordersOf(s)) {
                if (o.stored().record().status() == OrderStatus.CANCELLED) {
                    flags.parcel(s, Finding.suspect(Rules.CANCELLED_CARRIED, "carries order " + o.key()
                            + ", which is CANCELLED"));
                }
            }
        }
    }
}
