package dev.subsidy.verification;

import java.util.List;

/** Where verification's conclusions are written back onto the records they are about. */
public interface StatusBook {

    /** Sets each shipment's status and reasons to its verdict's. */
    void markShipments(List<ShipmentVerdict> verdicts);

    /** Sets each order's status and reasons to its verdict's. */
    void markOrders(List<OrderVerdict> verdicts);
}
