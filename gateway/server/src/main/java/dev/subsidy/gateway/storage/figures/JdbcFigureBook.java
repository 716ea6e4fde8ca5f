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

    private static final String[] FIGURE_COLUMNS = {"figure_id", "subject_id", "subject_type", "metric", "period",
        "value", "unit", "revision", "evidence", "updated_at"};
    private static final int[] FIGURE_NULL_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.BIGINT};
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
        // most of a close's figures are new to the table (a month's first close): they go in as a close's records do,
        // by COPY on PostgreSQL, where an upsert a row was a statement each (100,000 figures: most of the 3.9 s the
        // bench's close spent recording them); the rest are updated
        boolean[] inserted = rowWriter.insertAbsent("figure", "figure_id", FIGURE_COLUMNS, FIGURE_NULL_TYPES,
                rows.stream().map(row -> {
                    MeasuredFigure f = row.published().figure();
                    return new Object[] {f.figureId(), f.subjectId(), f.subjectType().name(), f.metric().name(), period,
                        f.value(), f.metric().unit().name(), row.published().revision(), row.evidence(), now};
                }).toList());
        List<Row> stored = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (!inserted[i]) {
                stored.add(rows.get(i));
            }
        }
        jdbc.batchUpdate("UPDATE figure SET value = ?, revision = ?, evidence = ?, updated_at = ? WHERE figure_id = ?",
                stored, 500, (ps, row) -> {
                    ps.setString(1, row.published().figure().value());
                    ps.setInt(2, row.published().revision());
                    ps.setString(3, row.evidence());
                    ps.setLong(4, now);
                    ps.setString(5, row.published().figure().figureId());
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
