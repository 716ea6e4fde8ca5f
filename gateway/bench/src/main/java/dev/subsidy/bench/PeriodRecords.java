package dev.subsidy.bench;

import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.model.Period;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A period's current records held in memory, as the store would hand them to a close: shipments in
 * natural-key order, orders by natural key, each received once from the standard feed. What is timed
 * with it is the rules, not the reading.
 */
final class PeriodRecords implements RecordSource {

    private final List<StoredShipment> shipments = new ArrayList<>();
    private final Map<String, StoredOrder> orders = new LinkedHashMap<>();

    PeriodRecords(List<ParsedRecord> records) {
        for (ParsedRecord r : records) {
            if (r.shipment() != null) {
                shipments.add(new StoredShipment(r.shipment(), List.of("standard"), 0));
            } else {
                orders.put(r.naturalKey(), new StoredOrder(r.order(), List.of("standard"), 0));
            }
        }
        shipments.sort(Comparator.comparing(s -> s.record().naturalKey()));
    }

    @Override
    public List<StoredShipment> shipments(Period period) {
        return shipments;
    }

    @Override
    public Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments) {
        return orders;
    }
}
