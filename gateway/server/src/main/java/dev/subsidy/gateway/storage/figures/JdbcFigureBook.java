package dev.subsidy.gateway.storage.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.figures.FigureBook;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.figures.PublishedFigure;
import dev.subsidy.gateway.storage.RecordingCores;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import dev.subsidy.verification.SecondCore;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps published figures in {@code figure} (the current revision of each) and {@code figure_revision}
 * (every revision), with the keys each revision counted ({@link FigureKeyStore}); which revisions to keep
 * is decided by {@code Revisions}.
 */
@Repository
class JdbcFigureBook implements FigureBook {

    private static final String[] REVISION_COLUMNS = {"figure_id", "revision", "value", "evidence", "published_at"};
    private static final int[] REVISION_NULL_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
        Types.BIGINT};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final FigureKeyStore keys;
    private final RowWriter rowWriter;
    private final SecondCore cores;

    JdbcFigureBook(JdbcTemplate jdbc, RowWriter rowWriter, ObjectMapper json, Clock clock, FigureKeyStore keys,
                   RecordingCores cores) {
        this.jdbc = jdbc;
        this.rowWriter = rowWriter;
        this.json = json;
        this.clock = clock;
        this.keys = keys;
        this.cores = cores.cores();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String period, List<PublishedFigure> changed) {
        long now = clock.millis();
        // each evidence written as JSON once, for both tables, on both cores
        record Row(PublishedFigure published, String evidence) {}
        List<Row> rows = cores.map(changed, p -> new Row(p, write(p.figure().evidence())));
        jdbc.batchUpdate("""
                INSERT INTO figure (figure_id, subject_id, subject_type, metric, period, value, unit, revision, evidence, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (figure_id) DO UPDATE SET value = excluded.value, revision = excluded.revision,
                    evidence = excluded.evidence, updated_at = excluded.updated_at""", rows, 500, (ps, row) -> {
                    MeasuredFigure f = row.published().figure();
                    ps.setString(1, f.figureId());
                    ps.setString(2, f.subjectId());
                    ps.setString(3, f.subjectType().name());
                    ps.setString(4, f.metric().name());
                    ps.setString(5, period);
                    ps.setString(6, f.value());
                    ps.setString(7, f.metric().unit().name());
                    ps.setInt(8, row.published().revision());
                    ps.setString(9, row.evidence());
                    ps.setLong(10, now);
                });
        // a revision is only ever added: through the row writer (COPY on PostgreSQL), as a close adds a month's figures
        rowWriter.insert("figure_revision", REVISION_COLUMNS, REVISION_NULL_TYPES, rows.stream().map(row -> new Object[] {
            row.published().figure().figureId(), row.published().revision(), row.published().figure().value(),
            row.evidence(), now}).toList());
        keys.keep(changed.stream().map(PublishedFigure::figure).toList());
    }

    @Override
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
}
