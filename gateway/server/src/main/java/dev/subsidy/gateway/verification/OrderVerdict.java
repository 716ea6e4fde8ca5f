package dev.subsidy.gateway.verification;

import dev.subsidy.gateway.records.RecordStatus;
import dev.subsidy.gateway.registry.Subject;
import java.util.List;

/**
 * What verification concluded about one order.
 *
 * @param seller the registered MERCHANT or STATION that sold it, or null
 */
public record OrderVerdict(StoredOrder stored, RecordStatus status, List<String> reasons, Subject seller) {

    public boolean verified() {
        return status == RecordStatus.VERIFIED;
    }

    /** Verified with a net amount above zero: the order stands behind sales and parcels. */
    public boolean counts() {
        return verified() && stored.record().counts();
    }
}
