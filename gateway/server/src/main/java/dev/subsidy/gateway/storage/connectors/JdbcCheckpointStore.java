package dev.subsidy.gateway.storage.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.runtime.pull.CheckpointStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Pull connectors' checkpoints in the {@code connector_checkpoint} table. */
public class JdbcCheckpointStore implements CheckpointStore {

    private static final TypeReference<Map<String, String>> ENTRIES = new TypeReference<>() {};

    /** The batch column of a checkpoint an operator set: no batch brought it. */
    static final String OPERATOR = "set-by-operator";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public JdbcCheckpointStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
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

    @Override
    public Optional<Instant> lastMoved(String connectorId) {
        List<Long> rows = jdbc.queryForList("SELECT updated_at FROM connector_checkpoint WHERE connector_id = ?",
                Long.class, connectorId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rows.get(0)));
    }

    @Override
    public void reset(String connectorId) {
        jdbc.update("DELETE FROM connector_checkpoint WHERE connector_id = ?", connectorId);
    }

    @Override
    public void put(String connectorId, String type, Checkpoint checkpoint) {
        write(connectorId, type, checkpoint, OPERATOR);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(String connectorId, String type, Checkpoint checkpoint, String batchId) {
        write(connectorId, type, checkpoint, batchId);
    }

    private void write(String connectorId, String type, Checkpoint checkpoint, String batchId) {
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
