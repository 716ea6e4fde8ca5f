package dev.subsidy.intake;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the intake keeps what it read: the gateway's database, behind this port so that reading and
 * checking records needs no JDBC. Every write happens inside {@link #inWriteTransaction}.
 */
public interface IntakeStore {

    /**
     * Runs {@code work} in one database transaction holding the gateway's write lock: everything it
     * stores commits together or not at all.
     */
    <T> T inWriteTransaction(Supplier<T> work);

    /** Stores valid shipments: new, duplicate of the current version, or a further version, by natural key. */
    Counts storeShipments(List<Shipment> records, String connectorId, String batchId, Instant receivedAt);

    /** As {@link #storeShipments}, for orders. */
    Counts storeOrders(List<SalesOrder> records, String connectorId, String batchId, Instant receivedAt);

    /** Keeps rejected records with their reasons and raw text. */
    void storeRejections(String connectorId, String batchId, Instant receivedAt, List<Rejection> rejections);

    /** Records one intake batch and its counts. */
    void storeBatch(Batch batch);

    /** How many records of a chunk were accepted (new or a new version) and how many were duplicates. */
    record Counts(int accepted, int duplicates) {}

    /** One body, post, poll or file as the intake took it. */
    record Batch(String id, String connectorId, Instant receivedAt, String origin, int records, int accepted,
                 int duplicates, int rejected) {}
}
