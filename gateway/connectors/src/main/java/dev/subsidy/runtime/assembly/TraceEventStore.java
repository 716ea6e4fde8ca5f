package dev.subsidy.runtime.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The trace events kept for assembly. Used only inside the intake's transaction, after its write
 * lock: what is read is what the push before committed, and what is added commits with the records
 * mapped from it, or not at all. Implemented by the gateway's storage; thread-safe.
 */
public interface TraceEventStore {

    /** One event to keep. */
    record NewEvent(String carrier, String waybill, String hash, JsonNode event, int seq) {}

    /** The events kept for a waybill, in the order they arrived. */
    List<JsonNode> events(String connectorId, String carrier, String waybill);

    /** Keeps the events; one already kept (same connector, carrier, waybill and identity) is left as it is. */
    void add(String connectorId, String batchId, Instant receivedAt, List<NewEvent> events);
}
