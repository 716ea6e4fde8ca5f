package dev.subsidy.gateway.storage.period;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.period.CloseLog;
import dev.subsidy.gateway.period.CloseSummary;
import dev.subsidy.model.Period;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records closes in {@code period_close}, the summary as JSON and the period's bounds. */
@Component
class JdbcCloseLog implements CloseLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcCloseLog(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void record(CloseSummary summary) {
        String body;
        try {
            body = json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write close summary", e);
        }
        // the bounds say which records a status row need not be written for (V20, RecordStatusJoin)
        Period period = Period.parse(summary.period());
        jdbc.update("""
                INSERT INTO period_close (period, closes, last_closed, summary, starts_at, ends_at)
                VALUES (?, 1, ?, ?, ?, ?)
                ON CONFLICT (period) DO UPDATE SET closes = period_close.closes + 1,
                    last_closed = excluded.last_closed, summary = excluded.summary,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at""",
                summary.period(), clock.millis(), body, period.start().toEpochMilli(), period.end().toEpochMilli());
    }
}
