package dev.subsidy.gateway.storage.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.runtime.assembly.TraceEventStore;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Trace events kept for assembly, in the {@code trace_event} table (V5). */
public class JdbcTraceEventStore implements TraceEventStore {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcTemplate jdbc;

    public JdbcTraceEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<JsonNode> events(String connectorId, String carrier, String waybill) {
        return jdbc.query("SELECT event FROM trace_event WHERE connector_id = ? AND carrier = ? AND waybill_no = ? "
                + "ORDER BY received_at, seq", (rs, i) -> parse(rs.getString(1)), connectorId, carrier, waybill);
    }

    @Override
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
