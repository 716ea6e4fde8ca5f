package dev.subsidy.verification;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * What verification concluded about one order.
 *
 * @param findings every rule's conclusion against it (empty when it is clean)
 * @param review the reviewer's decision that holds for it, or null
 * @param seller the registered MERCHANT or STATION that sold it, or null
 */
public record OrderVerdict(StoredOrder stored, RecordStatus status, List<Finding> findings, Review review,
                           Subject seller) {

    public static OrderVerdict of(StoredOrder stored, List<Finding> findings, Subject seller) {
        return new OrderVerdict(stored, Finding.statusOf(findings), List.copyOf(findings), null, seller);
    }

    public String key() {
        return stored.record().naturalKey();
    }

    public boolean verified() {
        return status == RecordStatus.VERIFIED;
    }

    /** Verified with a net amount above zero: the order stands behind sales and parcels. */
    public boolean counts() {
        return verified() && stored.record().counts();
    }

    /** Every finding's reason, then the review's note. */
    public List<String> reasons() {
        if (findings.isEmpty() && review == null) {
            return List.of(); // most records: asked once per record by the close, no stream for nothing
        }
        List<String> all = new ArrayList<>(findings.size() + 1);
        findings.forEach(f -> all.add(f.reason()));
        if (review != null) {
            all.add(review.note());
        }
        return all;
    }

    /** The same verdict with more findings. */
    public OrderVerdict with(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return of(stored, all, seller);
    }

    /** The same verdict with a reviewer's decision applied. */
    public OrderVerdict reviewed(Review decision) {
        return new OrderVerdict(stored, decision.apply(Finding.statusOf(findings)), findings, decision, seller);
    }
}
