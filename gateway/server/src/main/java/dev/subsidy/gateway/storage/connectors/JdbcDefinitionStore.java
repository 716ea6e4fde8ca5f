package dev.subsidy.gateway.storage.connectors;

import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.DefinitionReader;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.runtime.definition.DefinitionWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Connector definitions and pauses in the {@code connector_definition} table. */
public class JdbcDefinitionStore implements DefinitionStore {

    private final JdbcTemplate jdbc;
    private final DefinitionReader reader = new DefinitionReader();
    private final DefinitionWriter writer = new DefinitionWriter();
    private final Clock clock;

    public JdbcDefinitionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(ConnectorDefinition d) {
        long now = clock.millis();
        jdbc.update("INSERT INTO connector_definition (id, type, body, paused, created_at, updated_at) "
                + "VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET type = excluded.type, "
                + "body = excluded.body, updated_at = excluded.updated_at", d.id(), d.type(), writer.toText(d), now, now);
    }

    @Override
    public void setPaused(String id, boolean paused) {
        jdbc.update("UPDATE connector_definition SET paused = ?, updated_at = ? WHERE id = ?",
                paused ? 1 : 0, clock.millis(), id);
    }

    @Override
    public void delete(String id) {
        jdbc.update("DELETE FROM connector_definition WHERE id = ?", id);
    }

    /**
     * Every stored definition, in id order. A row that no longer reads (edited by hand) is skipped
     * with its problems reported to {@code unreadable}.
     */
    @Override
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
