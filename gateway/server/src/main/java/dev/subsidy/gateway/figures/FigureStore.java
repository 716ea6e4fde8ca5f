package dev.subsidy.gateway.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import dev.subsidy.model.Unit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes figures: a figure whose value or evidence changed gets the next revision (never a
 * reused one), an unchanged one keeps its revision, and a figure that was published but no longer
 * counts anything is revised to zero rather than silently left standing.
 */
@Repository
public class FigureStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    FigureStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the period's figures; returns the ones that are new or revised. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PublishedFigure> publish(String period, List<MeasuredFigure> computed) {
        Map<String, Stored> existing = new HashMap<>();
        jdbc.query("SELECT figure_id, subject_id, subject_type, metric, value, revision, evidence FROM figure WHERE period = ?",
                rs -> {
                    existing.put(rs.getString("figure_id"), new Stored(rs.getString("subject_id"),
                            rs.getString("subject_type"), rs.getString("metric"), rs.getString("value"),
                            rs.getInt("revision"), rs.getString("evidence")));
                }, period);
        List<PublishedFigure> changed = new ArrayList<>();
        Map<String, MeasuredFigure> byId = new HashMap<>();
        computed.forEach(f -> byId.put(f.figureId(), f));
        for (MeasuredFigure f : computed) {
            Stored old = existing.get(f.figureId());
            String evidence = write(f.evidence());
            if (old == null) {
                if (f.evidence().counted() > 0) {
                    changed.add(new PublishedFigure(f, 1));
                }
            } else if (!old.value.equals(f.value()) || !old.evidence.equals(evidence)) {
                changed.add(new PublishedFigure(f, old.revision + 1));
            }
        }
        for (Map.Entry<String, Stored> e : existing.entrySet()) {
            if (!byId.containsKey(e.getKey())) {
                Stored old = e.getValue();
                Metric metric = Metric.valueOf(old.metric);
                MeasuredFigure zero = new MeasuredFigure(e.getKey(), SubjectType.valueOf(old.subjectType), old.subjectId,
                        subjectName(old.subjectId), metric, period, metric.unit() == Unit.CNY ? "0.00" : "0",
                        new Evidence(0, 0, 0, 0, List.of(), Digest.of(List.of())));
                if (!old.value.equals(zero.value()) || !old.evidence.equals(write(zero.evidence()))) {
                    changed.add(new PublishedFigure(zero, old.revision + 1));
                }
            }
        }
        long now = clock.millis();
        jdbc.batchUpdate("""
                INSERT INTO figure (figure_id, subject_id, subject_type, metric, period, value, unit, revision, evidence, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (figure_id) DO UPDATE SET value = excluded.value, revision = excluded.revision,
                    evidence = excluded.evidence, updated_at = excluded.updated_at""", changed, 500, (ps, p) -> {
                    MeasuredFigure f = p.figure();
                    ps.setString(1, f.figureId());
                    ps.setString(2, f.subjectId());
                    ps.setString(3, f.subjectType().name());
                    ps.setString(4, f.metric().name());
                    ps.setString(5, period);
                    ps.setString(6, f.value());
                    ps.setString(7, f.metric().unit().name());
                    ps.setInt(8, p.revision());
                    ps.setString(9, write(f.evidence()));
                    ps.setLong(10, now);
                });
        jdbc.batchUpdate("INSERT INTO figure_revision (figure_id, revision, value, evidence, published_at) VALUES (?, ?, ?, ?, ?)",
                changed, 500, (ps, p) -> {
                    ps.setString(1, p.figure().figureId());
                    ps.setInt(2, p.revision());
                    ps.setString(3, p.figure().value());
                    ps.setString(4, write(p.figure().evidence()));
                    ps.setLong(5, now);
                });
        return changed;
    }

    /** Published figures, filtered by whichever of period, subject and metric are given. */
    public List<PublishedFigure> find(String period, String subjectId, String metric) {
        StringBuilder sql = new StringBuilder("SELECT f.figure_id, f.subject_id, f.subject_type, s.name, f.metric, "
                + "f.period, f.value, f.revision, f.evidence FROM figure f LEFT JOIN subject s ON s.id = f.subject_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (period != null) {
            sql.append(" AND f.period = ?");
            args.add(period);
        }
        if (subjectId != null) {
            sql.append(" AND f.subject_id = ?");
            args.add(subjectId);
        }
        if (metric != null) {
            sql.append(" AND f.metric = ?");
            args.add(metric);
        }
        sql.append(" ORDER BY f.period, f.subject_id, f.metric");
        return jdbc.query(sql.toString(), (rs, n) -> new PublishedFigure(new MeasuredFigure(rs.getString("figure_id"),
                SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_id"), rs.getString("name"),
                Metric.valueOf(rs.getString("metric")), rs.getString("period"), rs.getString("value"),
                read(rs.getString("evidence"))), rs.getInt("revision")), args.toArray());
    }

    private String subjectName(String id) {
        return jdbc.queryForList("SELECT name FROM subject WHERE id = ?", String.class, id).stream().findFirst().orElse(id);
    }

    private String write(Evidence evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence", e);
        }
    }

    private Evidence read(String text) {
        try {
            return json.readValue(text, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence cannot be read", e);
        }
    }

    private record Stored(String subjectId, String subjectType, String metric, String value, int revision, String evidence) {}
}
