package dev.subsidy.gateway.period;

import dev.subsidy.model.RecordStatus;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes verification outcomes back onto the records, in batches. */
@Component
class StatusWriter {

    private final JdbcTemplate jdbc;

    StatusWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Outcome(String naturalKey, RecordStatus status, List<String> reasons) {}

    void write(String table, List<Outcome> outcomes) {
        jdbc.batchUpdate("UPDATE " + table + " SET status = ?, reasons = ? WHERE natural_key = ?", outcomes, 2000,
                (ps, o) -> {
                    ps.setString(1, o.status().name());
                    ps.setString(2, o.reasons().isEmpty() ? null : String.join("; ", o.reasons()));
                    ps.setString(3, o.naturalKey());
                });
    }
}
