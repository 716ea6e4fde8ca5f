package dev.subsidy.connector.testkit;

import java.time.Instant;
import java.util.Objects;

/**
 * A record a simulated partner serves: an identity the contract tests count by, and a modification
 * time for APIs read in time windows. A {@link PartnerApi} turns it into the partner's own shape.
 * Immutable.
 *
 * @param id a unique id
 * @param modified when the record last changed
 */
public record TestRecord(String id, Instant modified) {

    public TestRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
    }
}
