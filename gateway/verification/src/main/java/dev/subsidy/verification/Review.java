package dev.subsidy.verification;

import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RecordStatus;
import java.time.Instant;

/**
 * A reviewer's decision (复核) on one flagged record: ACCEPT lets a SUSPECT or DUPLICATE record count
 * (a REJECTED one stays ineligible: registry and jurisdiction are not a reviewer's call), REJECT keeps
 * it out for good. A decision holds for the content it was taken on: a new version of the record
 * (another content hash) is screened afresh.
 */
public record Review(RecordKind kind, String naturalKey, Outcome outcome, String reason, String reviewer,
                     Instant decidedAt, String contentHash) {

    public enum Outcome { ACCEPT, REJECT }

    /** The status a record with the given screened status ends in once this decision is applied. */
    public RecordStatus apply(RecordStatus screened) {
        if (outcome == Outcome.REJECT) {
            return RecordStatus.REJECTED;
        }
        return screened == RecordStatus.SUSPECT || screened == RecordStatus.DUPLICATE ? RecordStatus.VERIFIED : screened;
    }

    /** Whether it was taken on the content the record holds now. */
    public boolean holdsFor(String currentContentHash) {
        return contentHash == null || contentHash.equals(currentContentHash);
    }

    /** How the decision reads on the record. */
    public String note() {
        return (outcome == Outcome.ACCEPT ? "accepted" : "rejected") + " by " + reviewer + " at " + decidedAt + ": "
                + reason;
    }
}
