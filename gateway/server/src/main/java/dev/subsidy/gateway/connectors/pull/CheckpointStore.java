package dev.subsidy.gateway.connectors.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.Checkpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code connector_checkpoint} table. {@link #save} runs inside the intake's transaction (its
 * commit hook), so a checkpoint is committed with the records it covers or not at all. A
 * checkpoint written by another connector type than the definition's now is ignored: a definition
 * replaced by one of another type starts from nothing. Thread-safe (JdbcTemplate).
 */
public class CheckpointStore {

    private static final TypeReference<Map<String, String>> ENTRIES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public CheckpointStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last committed checkpoint of this connector and type, or {@link Checkpoint#NONE}. */
    public Checkpoint load(String connectorId, String type) {
        List<String> rows = jdbc.queryForList("SELECT checkpoint FROM connector_checkpoint WHERE connector_id = ? AND type = ?",
                String.class, connectorId, type);
        if (rows.isEmpty()) {
            return Checkpoint.NONE;
        }
        try {
            return Checkpoint.of(json.readValue(rows.get(0), ENTRIES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checkpoint of connector " + connectorId + " cannot be read", e);
        }
    }

    /** When the connector's checkpoint last moved, if ever. */
    public Optional<Instant> lastMoved(String connectorId) {
        List<Long> rows = jdbc.queryForList("SELECT updated_at FROM connector_checkpoint WHERE connector_id = ?",
                Long.class, connectorId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rows.get(0)));
    }

    /** Writes the checkpoint; only inside the transaction that stores the batch's records. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(String connectorId, String type, Checkpoint checkpoint, String batchId) {
        String text;
        try {
            text = json.writeValueAsString(checkpoint.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checkpoint cannot be written", e);
        }
        jdbc.update("INSERT INTO connector_checkpoint (connector_id, type, checkpoint, batch_id, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (connector_id) DO UPDATE SET type = excluded.type, "
                + "checkpoint = excluded.checkpoint, batch_id = excluded.batch_id, updated_at = excluded.updated_at",
                connectorId, type, text, batchId, clock.millis());
    }
}
