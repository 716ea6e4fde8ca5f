package dev.subsidy.gateway.connectors;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records in, accepted, duplicates and rejected per connector, summed from the intake's batches:
 * counted by the database in the transactions that stored them, so they are exact, survive restarts
 * and need no counter kept in memory.
 */
final class ConnectorCounters {

    /** One connector's sums; the last batch's arrival stands for the last success after a restart. */
    record Counts(long recordsIn, long accepted, long duplicates, long rejected, Instant lastBatch) {
        static final Counts NONE = new Counts(0, 0, 0, 0, null);
    }

    private final JdbcTemplate jdbc;

    ConnectorCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Counts> all() {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.query("SELECT connector_id, SUM(records), SUM(accepted), SUM(duplicates), SUM(rejected), MAX(received_at) "
                + "FROM intake_batch GROUP BY connector_id", rs -> {
                    counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            Instant.ofEpochMilli(rs.getLong(6))));
                });
        return counts;
    }
}
