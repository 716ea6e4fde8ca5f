package dev.subsidy.verification;

import dev.subsidy.model.Period;
import java.util.List;
import java.util.Map;

/**
 * One period's verdicts: every shipment collected or delivered in it, and every order loaded for it,
 * keyed by natural key (orders paid up to {@link RecordSource#LINK_WINDOW} earlier included, so that
 * parcels can be linked to them); and the links between them, when the fraud rules made them.
 */
public record PeriodVerdicts(Period period, List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders,
                             ParcelLinks links) {

    /** Verdicts made without linking parcels to orders. */
    public PeriodVerdicts(Period period, List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders) {
        this(period, shipments, orders, ParcelLinks.UNKNOWN);
    }

    /**
     * The orders paid in the period: the ones whose status this period decides. An order paid
     * earlier is only looked at here; its own period's close decides its status.
     */
    public List<OrderVerdict> ordersPaidInPeriod() {
        // the bounds once, not per order: asked of every order of a close, more than once
        java.time.Instant start = period.start();
        java.time.Instant end = period.end();
        return orders.values().stream().filter(o -> {
            java.time.Instant paid = o.stored().record().paidAt();
            return paid != null && !paid.isBefore(start) && paid.isBefore(end);
        }).toList();
    }
}
