package dev.subsidy.gateway.connectors.assembly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trace events kept for assembly (table {@code trace_event}, V5). Used only inside the intake's
 * transaction, after its write lock: what is read is what the push before committed, and what is
 * added commits with the records mapped from it, or not at all. Thread-safe.
 */
public final class TraceEventStore {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcTemplate jdbc;

    public TraceEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One event to keep. */
    public record NewEvent(String carrier, String waybill, String hash, JsonNode event, int seq) {}

    /** The events kept for a waybill, in the order they arrived. */
    public List<JsonNode> events(String connectorId, String carrier, String waybill) {
        return jdbc.query("SELECT event FROM trace_event WHERE connector_id = ? AND carrier = ? AND waybill_no = ? "
                + "ORDER BY received_at, seq", (rs, i) -> parse(rs.getString(1)), connectorId, carrier, waybill);
    }

    /** Keeps the events; one already kept (same connector, carrier, waybill and identity) is left as it is. */
    public void add(String connectorId, String batchId, Instant receivedAt, List<NewEvent> events) {
        jdbc.batchUpdate("INSERT INTO trace_event (connector_id, carrier, waybill_no, event_hash, event, batch_id, seq, "
                + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (connector_id, carrier, waybill_no, event_hash) DO NOTHING", events, 500, (ps, e) -> {
                    ps.setString(1, connectorId);
                    ps.setString(2, e.carrier());
                    ps.setString(3, e.waybill());
                    ps.setString(4, e.hash());
                    ps.setString(5, e.event().toString());
                    ps.setString(6, batchId);
                    ps.setInt(7, e.seq());
                    ps.setLong(8, receivedAt.toEpochMilli());
                });
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored trace event is not JSON", e);
        }
    }
}
