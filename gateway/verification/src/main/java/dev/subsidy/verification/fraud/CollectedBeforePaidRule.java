package dev.subsidy.verification.fraud;

import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.time.Duration;

/**
 * timeline.collected-before-paid: goods ship after payment. Cash on delivery is the honest exception
 * — said so by the payment method, or shown by a payment at the delivery.
 */
final class CollectedBeforePaidRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        for (ShipmentVerdict s : facts.shipments()) {
            Shipment r = s.stored().record();
            for (OrderVerdict o : facts.ordersOf(s)) {
                SalesOrder order = o.stored().record();
                if (order.paidAt() == null || !r.collectedAt().plus(t.paymentTolerance()).isBefore(order.paidAt())
                        || cashOnDelivery(r, order, t)) {
                    continue;
                }
                Duration early = Duration.between(r.collectedAt(), order.paidAt());
                flags.parcel(s, Finding.suspect(Rules.COLLECTED_BEFORE_PAID, "collected "
                        + HollowParcelRule.minutes(early) + " before its order " + o.key() + " was paid ("
                        + r.collectedAt() + " < " + order.paidAt() + ")"));
            }
        }
    }

    private static boolean cashOnDelivery(Shipment r, SalesOrder order, Thresholds t) {
        if (r.paymentMethod() == PaymentMethod.COD || order.paymentMethod() == PaymentMethod.COD) {
            return true;
        }
        return r.deliveredAt() != null && !order.paidAt().isBefore(r.deliveredAt().minus(t.codDeliveryTolerance()));
    }
}
