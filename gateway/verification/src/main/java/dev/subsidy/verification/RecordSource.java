package dev.subsidy.verification;

import dev.subsidy.model.Period;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a period close reads the records it verifies: the current version of each, with what intake
 * learnt about it (the connectors that sent it, the identical copies received).
 */
public interface RecordSource {

    /** How far before a period an order may have been paid and still be linked to its parcels. */
    Duration LINK_WINDOW = Duration.ofDays(92);

    /** The shipments collected or delivered in the period, in natural-key order. */
    List<StoredShipment> shipments(Period period);

    /**
     * The orders paid in the period or in the {@link #LINK_WINDOW} before it (goods ship after
     * payment), plus any order the shipments name; keyed by natural key.
     */
    Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments);
}
