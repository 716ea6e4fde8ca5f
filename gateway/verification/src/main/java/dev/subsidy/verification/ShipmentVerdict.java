package dev.subsidy.verification;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import java.time.Instant;
import java.util.List;

/**
 * What verification concluded about one shipment.
 *
 * @param company the express company it is attributed to (collecting one for outbound, delivering
 *     one for inbound), or null
 * @param countsAt the instant that decides its period (collection, or delivery for inbound)
 */
public record ShipmentVerdict(StoredShipment stored, RecordStatus status, List<String> reasons, Direction direction,
                              Subject company, Instant countsAt) {

    public boolean verified() {
        return status == RecordStatus.VERIFIED;
    }
}
