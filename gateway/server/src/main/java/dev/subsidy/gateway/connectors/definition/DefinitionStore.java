package dev.subsidy.gateway.connectors.definition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The definitions table: each definition as its JSON text (references, never secret values) and the
 * operator's pause, so that both survive restarts. Thread-safe (JdbcTemplate).
 */
public final class DefinitionStore {

    private final JdbcTemplate jdbc;
    private final DefinitionReader reader = new DefinitionReader();
    private final DefinitionWriter writer = new DefinitionWriter();
    private final Clock clock;

    public DefinitionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored definition and whether the operator paused it. */
    public record Stored(ConnectorDefinition definition, boolean paused) {}

    /** Adds or replaces a definition; a replaced one keeps its pause. */
    public void save(ConnectorDefinition d) {
        long now = clock.millis();
        jdbc.update("INSERT INTO connector_definition (id, type, body, paused, created_at, updated_at) "
                + "VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET type = excluded.type, "
                + "body = excluded.body, updated_at = excluded.updated_at", d.id(), d.type(), writer.toText(d), now, now);
    }

    public void setPaused(String id, boolean paused) {
        jdbc.update("UPDATE connector_definition SET paused = ?, updated_at = ? WHERE id = ?",
                paused ? 1 : 0, clock.millis(), id);
    }

    /**
     * Every stored definition, in id order. A row that no longer reads (edited by hand) is skipped
     * with its problems reported to {@code unreadable}.
     */
    public List<Stored> all(BiConsumer<String, List<DefinitionProblem>> unreadable) {
        List<Stored> out = new ArrayList<>();
        jdbc.query("SELECT id, body, paused FROM connector_definition ORDER BY id", rs -> {
            DefinitionReader.Result r = reader.read(rs.getString("body"));
            if (r.definition() == null) {
                unreadable.accept(rs.getString("id"), r.problems());
            } else {
                out.add(new Stored(r.definition(), rs.getInt("paused") == 1));
            }
        });
        return out;
    }
}
