package dev.subsidy.gateway.storage.connectors;

import dev.subsidy.runtime.ConnectorCounters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Connector counters summed from the {@code intake_batch} table. A replay of kept rejections (origin
 * REPLAY, docs/operations.md "Replaying rejected records") adds what it accepted to {@code accepted} and
 * {@code duplicates}, never to {@code recordsIn} or {@code rejected}: its records were counted in, and
 * rejected, when they first arrived.
 */
public class JdbcConnectorCounters implements ConnectorCounters {

    private final JdbcTemplate jdbc;

    public JdbcConnectorCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Counts> all() {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.query("SELECT connector_id, SUM(CASE WHEN format = 'REPLAY' THEN 0 ELSE records END), SUM(accepted), "
                + "SUM(duplicates), SUM(CASE WHEN format = 'REPLAY' THEN 0 ELSE rejected END), MAX(received_at) "
                + "FROM intake_batch GROUP BY connector_id", rs -> {
                    counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            Instant.ofEpochMilli(rs.getLong(6))));
                });
        return counts;
    }
}
