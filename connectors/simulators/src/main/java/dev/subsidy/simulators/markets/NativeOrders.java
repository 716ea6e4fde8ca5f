package dev.subsidy.simulators.markets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The orders a simulated marketplace holds, in its own JSON shape, each with the modification time
 * the platform filters its windows by. Filled before the connector polls; read from WireMock's
 * threads (a copy-on-write list, and the orders are never changed after they are added).
 */
final class NativeOrders {

    /** One order and its modification time. */
    record Entry(ObjectNode order, Instant modified, int position) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    int size() {
        return entries.size();
    }

    void add(ObjectNode order, Instant modified) {
        entries.add(new Entry(order, modified, entries.size()));
    }

    /**
     * Orders modified in {@code [start, end]}, both ends included as the platforms document them,
     * oldest first (ties in the order they were added) or newest first.
     */
    List<ObjectNode> inWindow(Instant start, Instant end, boolean oldestFirst) {
        Comparator<Entry> order = Comparator.comparing(Entry::modified).thenComparingInt(Entry::position);
        return entries.stream()
                .filter(e -> !e.modified().isBefore(start) && !e.modified().isAfter(end))
                .sorted(oldestFirst ? order : order.reversed())
                .map(e -> e.order().deepCopy())
                .toList();
    }

    /** Page {@code number} of a list, pages counted from {@code first}; empty past the end. */
    static <T> List<T> page(List<T> all, long number, long first, int size) {
        long from = (number - first) * size;
        if (from < 0 || from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }
}
