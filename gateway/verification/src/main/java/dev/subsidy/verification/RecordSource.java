package dev.subsidy.verification;

import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a period close reads the records it verifies: the current version of each, with what intake
 * learnt about it (the connectors that sent it, the identical copies received).
 */
public interface RecordSource {

    /** How far before a period an order may have been paid and still be linked to its parcels. */
    Duration LINK_WINDOW = Duration.ofDays(92);

    /**
     * This source, its {@link #read} (the period's shipments and the orders they and the period need) stopping with
     * {@link TooManyRecordsException} once it has read more than {@code records}: what a close holds grows with what
     * it reads, and a source that reads from a store lets it stop before the heap runs out, with no count first; its
     * {@link #orders(Period)} stop the same way, its {@link #eachShipmentSlice} never (a slice at a time is held).
     * A source that holds its records already returns itself.
     */
    default RecordSource atMost(long records) {
        return this;
    }

    /** The shipments collected or delivered in the period, in natural-key order. */
    List<StoredShipment> shipments(Period period);

    /**
     * The orders paid in the period or in the {@link #LINK_WINDOW} before it (goods ship after
     * payment), plus any order the shipments name; keyed by natural key.
     */
    Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments);

    /**
     * Whether more than {@code records} shipments were collected in the period, asked before a close reads it: a close
     * told so reads it a slice at a time straight away rather than reading as much as it holds first. False when the
     * source cannot say cheaply; this one cannot.
     */
    default boolean collectedMoreThan(Period period, long records) {
        return false;
    }

    /** Shipments a slice holds where a close reads its period a slice at a time ({@link #eachShipmentSlice}). */
    int SLICE = 50_000;

    /**
     * The period's {@link #shipments}, handed to {@code each} a slice at a time, in no order, neither within a slice nor
     * from one slice to the next: what a close of a period too large for the heap reads, holding a slice at a time
     * rather than the period. This one reads the period whole and cuts it; a source that reads from a store reads a
     * slice at a time.
     */
    default void eachShipmentSlice(Period period, java.util.function.Consumer<List<StoredShipment>> each) {
        List<StoredShipment> all = shipments(period);
        for (int from = 0; from < all.size(); from += SLICE) {
            each.accept(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
    }

    /**
     * The period's {@link #shipments} for a census ({@code ShipmentCensus}), once each, a slice at a time, in no order
     * and on as many threads as the source reads with: each thread hands its slices to a consumer of its own, made for
     * it by {@code perThread}. A census reads a parcel's carrier, number, destination country and, for a parcel
     * addressed abroad, its scans; a source that reads from a store reads no more, and leaves every other field of the
     * records it hands over empty. This one hands over whole records, on the caller's thread, as {@link
     * #eachShipmentSlice} does.
     */
    default void eachCensusSlice(Period period, Supplier<java.util.function.Consumer<List<StoredShipment>>> perThread) {
        eachShipmentSlice(period, perThread.get());
    }

    /**
     * The {@link #orders(Period, Collection)} of the period's shipments, found without holding the shipments: a source
     * that reads from a store asks it for the orders they name. This one reads the shipments to find them.
     */
    default Map<String, StoredOrder> orders(Period period) {
        return orders(period, shipments(period));
    }

    /** What a close verifies: a period's {@link #shipments} and the {@link #orders} they and the period need. */
    record Read(List<StoredShipment> shipments, Map<String, StoredOrder> orders) {}

    /**
     * {@link #shipments} and then {@link #orders}; a source that can read the two side by side does (the
     * database's on two connections: a close of a million records spends a quarter of its time reading them).
     */
    default Read read(Period period) {
        List<StoredShipment> shipments = shipments(period);
        return new Read(shipments, orders(period, shipments));
    }

    /**
     * Every version of the period's shipments that have more than one, keyed by natural key: what
     * source trust weighs (docs/verification.md "Source trust").
     */
    default Map<String, List<SourceVersion<Shipment>>> shipmentHistory(Period period) {
        return Map.of();
    }

    /** Every version of the loaded orders that have more than one, keyed by natural key. */
    default Map<String, List<SourceVersion<SalesOrder>>> orderHistory(Period period) {
        return Map.of();
    }

    /**
     * The current content hash of each of these records that is stored, keyed by natural key: what a reviewer's
     * decision is checked against. A source may read a period's records without their hashes (64 characters each,
     * an eighth of what a close holds per record) and give them here for the few records a reviewer decided on.
     */
    default Map<String, String> contentHashes(dev.subsidy.model.RecordKind kind, Collection<String> naturalKeys) {
        return Map.of();
    }

    /** The latest trace check of each of the period's shipments that has one, keyed by natural key. */
    default Map<String, TraceCheck> traceChecks(Period period) {
        return Map.of();
    }

    /**
     * Orders paid per shop ({@code PLATFORM:shopId}) and China-time day, from {@code from} (inclusive) to
     * {@code to} (exclusive): the baseline the spike rule compares a period's last days with. One
     * aggregate, never a row per order.
     */
    default Map<String, Map<java.time.LocalDate, Integer>> dailyOrders(java.time.LocalDate from, java.time.LocalDate to) {
        return Map.of();
    }

    /**
     * {@link #dailyOrders}, asked for before it is needed: a source that reads on a thread of its own starts the
     * aggregate now and the close goes on meanwhile (over a period of millions of orders it is seconds of the
     * database's work); this one reads it when it is got.
     */
    default Supplier<Map<String, Map<java.time.LocalDate, Integer>>> dailyOrdersAhead(java.time.LocalDate from,
                                                                                    java.time.LocalDate to) {
        return () -> dailyOrders(from, to);
    }

    /**
     * {@link #dailyOrdersAhead(java.time.LocalDate, java.time.LocalDate)}, told the orders {@link #read} gave for
     * {@code period}: a source whose read holds every order paid from {@code from} to {@code to} may count those
     * ({@link dev.subsidy.verification.fraud.DailyOrders}) rather than aggregate its store again. This one asks its store.
     */
    default Supplier<Map<String, Map<java.time.LocalDate, Integer>>> dailyOrdersAhead(Period period,
            java.time.LocalDate from, java.time.LocalDate to, Collection<SalesOrder> read) {
        return dailyOrdersAhead(from, to);
    }
}
