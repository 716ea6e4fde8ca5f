package dev.subsidy.verification.fraud;

import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules found, per record; one finding per rule and record. Keyed by the verdict itself (one
 * per record in a close), so a lookup never builds a natural key.
 */
public final class Flags {

    private final Map<ShipmentVerdict, List<Finding>> shipments = new IdentityHashMap<>();
    private final Map<OrderVerdict, List<Finding>> orders = new IdentityHashMap<>();

    public void parcel(ShipmentVerdict s, Finding f) {
        add(shipments.computeIfAbsent(s, k -> new ArrayList<>(2)), f);
    }

    public void order(OrderVerdict o, Finding f) {
        add(orders.computeIfAbsent(o, k -> new ArrayList<>(2)), f);
    }

    /** Adds what {@code other} found after what these flags hold, record by record. */
    void add(Flags other) {
        other.shipments.forEach((s, found) -> found.forEach(f -> parcel(s, f)));
        other.orders.forEach((o, found) -> found.forEach(f -> order(o, f)));
    }

    private static void add(List<Finding> list, Finding f) {
        if (list.stream().noneMatch(x -> x.rule().equals(f.rule()))) {
            list.add(f);
        }
    }

    public List<Finding> onParcel(ShipmentVerdict s) {
        return shipments.getOrDefault(s, List.of());
    }

    public List<Finding> onOrder(OrderVerdict o) {
        return orders.getOrDefault(o, List.of());
    }
}
