package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.Checkpoint;
import java.time.Instant;
import java.util.Optional;

/**
 * Pull connectors' checkpoints. {@link #save} runs inside the intake's transaction (its commit hook),
 * so a checkpoint is committed with the records it covers or not at all. A checkpoint written by
 * another connector type than the definition's now is ignored: a definition replaced by one of
 * another type starts from nothing. Implemented by the gateway's storage; thread-safe.
 */
public interface CheckpointStore {

    /** The last committed checkpoint of this connector and type, or {@link Checkpoint#NONE}. */
    Checkpoint load(String connectorId, String type);

    /** When the connector's checkpoint last moved, if ever. */
    Optional<Instant> lastMoved(String connectorId);

    /**
     * Forgets the checkpoint (an operator's reset): the next poll starts from {@link Checkpoint#NONE}, so
     * what was read before comes again and is taken as duplicates.
     */
    void reset(String connectorId);

    /**
     * Sets the checkpoint to an operator's value (Kafka Connect's offsets API): the next poll starts
     * from it. Only while no run is in progress, so no batch's commit overwrites it.
     */
    void put(String connectorId, String type, Checkpoint checkpoint);

    /** Writes the checkpoint; only inside the transaction that stores the batch's records. */
    void save(String connectorId, String type, Checkpoint checkpoint, String batchId);
}
