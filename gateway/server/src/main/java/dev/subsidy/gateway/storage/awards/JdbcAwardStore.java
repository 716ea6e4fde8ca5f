package dev.subsidy.gateway.storage.awards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.awards.AwardStore;
import dev.subsidy.gateway.awards.PublishedAwardLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The JDBC implementation of {@link AwardStore}. Award lines with revisions that only grow, like figures. */
@Repository
public class JdbcAwardStore implements AwardStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public JdbcAwardStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PublishedAwardLine> publish(String period, List<PublishedAwardLine> computed) {
        Map<String, PublishedAwardLine> existing = new HashMap<>();
        for (PublishedAwardLine line : find(period, null, null)) {
            existing.put(line.awardId(), line);
        }
        List<PublishedAwardLine> changed = new ArrayList<>();
        for (PublishedAwardLine line : computed) {
            PublishedAwardLine old = existing.get(line.awardId());
            if (old == null) {
                changed.add(line.withRevision(1));
            } else if (!Objects.equals(old.withRevision(0), line.withRevision(0))) {
                changed.add(line.withRevision(old.revision() + 1));
            }
        }
        long now = clock.millis();
        jdbc.batchUpdate("""
                INSERT INTO award_line (award_id, policy, clause, subject_id, period, amount, revision, body, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (award_id) DO UPDATE SET amount = excluded.amount, revision = excluded.revision,
                    body = excluded.body, updated_at = excluded.updated_at""", changed, 500, (ps, a) -> {
                    ps.setString(1, a.awardId());
                    ps.setString(2, a.policy());
                    ps.setString(3, a.clause());
                    ps.setString(4, a.subject().id());
                    ps.setString(5, a.period());
                    ps.setString(6, a.amount());
                    ps.setInt(7, a.revision());
                    ps.setString(8, write(a));
                    ps.setLong(9, now);
                });
        return changed;
    }

    @Override
    public List<PublishedAwardLine> find(String period, String policy, String subjectId) {
        StringBuilder sql = new StringBuilder("SELECT body FROM award_line WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (period != null) {
            sql.append(" AND period = ?");
            args.add(period);
        }
        if (policy != null) {
            sql.append(" AND policy = ?");
            args.add(policy);
        }
        if (subjectId != null) {
            sql.append(" AND subject_id = ?");
            args.add(subjectId);
        }
        sql.append(" ORDER BY period, policy, subject_id, award_id");
        return jdbc.queryForList(sql.toString(), String.class, args.toArray()).stream().map(this::read).toList();
    }

    private String write(PublishedAwardLine line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write award line", e);
        }
    }

    private PublishedAwardLine read(String body) {
        try {
            return json.readValue(body, PublishedAwardLine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored award line cannot be read", e);
        }
    }
}
