package dev.subsidy.verification;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What verification concluded about one shipment.
 *
 * @param findings every rule's conclusion against it (empty when it is clean)
 * @param review the reviewer's decision that holds for it, or null
 * @param company the express company it is attributed to (collecting one for outbound, delivering
 *     one for inbound), or null
 * @param countsAt the instant that decides its period (collection, or delivery for inbound)
 */
public record ShipmentVerdict(StoredShipment stored, RecordStatus status, List<Finding> findings, Review review,
                              Direction direction, Subject company, Instant countsAt) {

    public static ShipmentVerdict of(StoredShipment stored, List<Finding> findings, Direction direction, Subject company,
                                     Instant countsAt) {
        return new ShipmentVerdict(stored, Finding.statusOf(findings), List.copyOf(findings), null, direction, company,
                countsAt);
    }

    public String key() {
        return stored.record().naturalKey();
    }

    public boolean verified() {
        return status == RecordStatus.VERIFIED;
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
    public ShipmentVerdict with(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return of(stored, all, direction, company, countsAt);
    }

    /** The same verdict with a reviewer's decision applied. */
    public ShipmentVerdict reviewed(Review decision) {
        return new ShipmentVerdict(stored, decision.apply(Finding.statusOf(findings)), findings, decision, direction,
                company, countsAt);
    }
}
