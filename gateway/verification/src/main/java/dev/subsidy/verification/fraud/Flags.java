package dev.subsidy.verification.fraud;

import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the rules found, per record key; one finding per rule and record. */
public final class Flags {

    private final Map<String, List<Finding>> shipments = new HashMap<>();
    private final Map<String, List<Finding>> orders = new HashMap<>();

    public void parcel(ShipmentVerdict s, Finding f) {
        add(shipments, s.key(), f);
    }

    public void order(OrderVerdict o, Finding f) {
        add(orders, o.key(), f);
    }

    private static void add(Map<String, List<Finding>> map, String key, Finding f) {
        List<Finding> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.rule().equals(f.rule()))) {
            list.add(f);
        }
    }

    public List<Finding> onParcel(String key) {
        return shipments.getOrDefault(key, List.of());
    }

    public List<Finding> onOrder(String key) {
        return orders.getOrDefault(key, List.of());
    }

    public boolean parcelFlagged(String key) {
        return shipments.containsKey(key);
    }

    public boolean orderFlagged(String key) {
        return orders.containsKey(key);
    }
}
