package dev.subsidy.gateway.storage.awards;

import dev.subsidy.gateway.awards.EnteredFigure;
import dev.subsidy.gateway.awards.EnteredFigureStore;
import dev.subsidy.gateway.awards.FigureEntry;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The JDBC implementation of {@link EnteredFigureStore}.
 * Administrator-entered figures with every revision kept. An entry for a (subject, metric, period)
 * that already has a value becomes its next revision; the same value and note again change nothing,
 * so a resent request does not revise the award lines paid on it.
 */
@Repository
public class JdbcEnteredFigureStore implements EnteredFigureStore {

    private static final String COLUMNS = "figure_id, subject_id, metric, period, value, revision, note, entered_by, entered_at";
    private static final String CURRENT = "e.revision = (SELECT MAX(x.revision) FROM entered_figure x WHERE x.figure_id = e.figure_id)";

    private final JdbcTemplate jdbc;
    private final WriteLock writeLock;
    private final Clock clock;

    public JdbcEnteredFigureStore(JdbcTemplate jdbc, WriteLock writeLock, Clock clock) {
        this.jdbc = jdbc;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<EnteredFigure> enter(List<FigureEntry> entries, String enteredBy) {
        // serialised with period close and other entries, so two entries never take the same revision
        writeLock.acquire();
        Instant now = Instant.ofEpochMilli(clock.millis());
        Map<String, EnteredFigure> current = new HashMap<>();
        List<EnteredFigure> written = new ArrayList<>();
        for (FigureEntry entry : entries) {
            EnteredFigure before = current.containsKey(entry.figureId()) ? current.get(entry.figureId())
                    : latest(entry.figureId());
            String value = entry.value().toPlainString();
            if (before != null && before.value().equals(value) && Objects.equals(before.note(), entry.note())) {
                continue;
            }
            EnteredFigure next = new EnteredFigure(entry.figureId(), entry.subjectId(), entry.metric().name(),
                    entry.period(), value, before == null ? 1 : before.revision() + 1, entry.note(), enteredBy, now);
            current.put(next.figureId(), next);
            written.add(next);
        }
        jdbc.batchUpdate("INSERT INTO entered_figure (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", written, 500,
                (ps, f) -> {
                    ps.setString(1, f.figureId());
                    ps.setString(2, f.subject());
                    ps.setString(3, f.metric());
                    ps.setString(4, f.period());
                    ps.setString(5, f.value());
                    ps.setInt(6, f.revision());
                    ps.setString(7, f.note());
                    ps.setString(8, f.enteredBy());
                    ps.setLong(9, f.enteredAt().toEpochMilli());
                });
        return written;
    }

    @Override
    public List<EnteredFigure> find(String period, String subjectId, boolean history) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM entered_figure e WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!history) {
            sql.append(" AND ").append(CURRENT);
        }
        if (period != null) {
            sql.append(" AND e.period = ?");
            args.add(period);
        }
        if (subjectId != null) {
            sql.append(" AND e.subject_id = ?");
            args.add(subjectId);
        }
        sql.append(" ORDER BY e.period, e.subject_id, e.metric, e.revision DESC");
        return jdbc.query(sql.toString(), (rs, n) -> read(rs), args.toArray());
    }

    @Override
    public List<Figure> within(Period period) {
        List<EnteredFigure> sameYear = jdbc.query("SELECT " + COLUMNS + " FROM entered_figure e WHERE " + CURRENT
                + " AND e.period LIKE ?", (rs, n) -> read(rs), period.year() + "%");
        return sameYear.stream()
                .filter(f -> inside(Period.parse(f.period()), period))
                .map(f -> new Figure(f.figureId(), f.subject(), Metric.valueOf(f.metric()), f.period(),
                        new BigDecimal(f.value()), f.revision(), f.enteredBy(), f.enteredAt()))
                .toList();
    }

    private EnteredFigure latest(String figureId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM entered_figure e WHERE e.figure_id = ? ORDER BY e.revision DESC",
                (rs, n) -> read(rs), figureId).stream().findFirst().orElse(null);
    }

    private static boolean inside(Period p, Period in) {
        return !p.firstDay().isBefore(in.firstDay()) && !p.lastDay().isAfter(in.lastDay());
    }

    private static EnteredFigure read(ResultSet rs) throws SQLException {
        return new EnteredFigure(rs.getString("figure_id"), rs.getString("subject_id"), rs.getString("metric"),
                rs.getString("period"), rs.getString("value"), rs.getInt("revision"), rs.getString("note"),
                rs.getString("entered_by"), Instant.ofEpochMilli(rs.getLong("entered_at")));
    }
}
