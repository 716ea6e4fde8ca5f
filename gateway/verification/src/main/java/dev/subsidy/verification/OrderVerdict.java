package dev.subsidy.verification;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
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
