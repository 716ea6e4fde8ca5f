package dev.subsidy.verification;

import dev.subsidy.model.Period;
import java.util.List;

/**
 * Where verification's conclusions are written back onto the records they are about. A close first
 * {@linkplain #reopen reopens} its period, then marks every record of it; a record of a closed period that its
 * last close left unmarked reads as VERIFIED, so a book may keep only the other statuses
 * (docs/records.md "Verification status").
 */
public interface StatusBook {

    /** Forgets the statuses and findings of the period's records: its close is about to set them all again. */
    void reopen(Period period);

    /** Sets each shipment's status and reasons to its verdict's. */
    void markShipments(Period period, List<ShipmentVerdict> verdicts);

    /** Sets each order's status and reasons to its verdict's. */
    void markOrders(Period period, List<OrderVerdict> verdicts);
}
