package dev.subsidy.gateway.storage.connectors;

import dev.subsidy.runtime.ConnectorRuns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Connectors' run history in the {@code connector_run} table (V14); push connectors' posts from {@code intake_batch}. */
public class JdbcConnectorRuns implements ConnectorRuns {

    private static final String COLUMNS = "connector_id, started_at, finished_at, records_in, accepted, duplicates, "
            + "rejected, outcome, error, file_name, file_outcome, moved_to";

    /** intake_batch.format of a push connector's posts (the push intake's origin). */
    private static final String PUSH = "PUSH";

    private final JdbcTemplate jdbc;

    public JdbcConnectorRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Run r) {
        jdbc.update("INSERT INTO connector_run (id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), r.connectorId(), r.startedAt().toEpochMilli(), r.finishedAt().toEpochMilli(),
                r.recordsIn(), r.accepted(), r.duplicates(), r.rejected(), r.outcome().name(), r.error(), r.file(),
                r.fileOutcome() == null ? null : r.fileOutcome().name(), r.movedTo());
    }

    @Override
    public Page runs(String connectorId, int page, int size) {
        return page("connector_id = ?", connectorId, page, size);
    }

    @Override
    public Page files(String connectorId, int page, int size) {
        return page("connector_id = ? AND file_name IS NOT NULL", connectorId, page, size);
    }

    @Override
    public Page posts(String connectorId, int page, int size) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM intake_batch WHERE connector_id = ? AND format = ?", Long.class, connectorId, PUSH);
        List<Run> runs = jdbc.query("SELECT received_at, records, accepted, duplicates, rejected FROM intake_batch "
                + "WHERE connector_id = ? AND format = ? ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?", (rs, n) -> {
                    Instant at = Instant.ofEpochMilli(rs.getLong(1));
                    return new Run(connectorId, at, at, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(2) == 0 ? Outcome.NOTHING_NEW : Outcome.OK, null, null, null, null);
                }, connectorId, PUSH, size, (long) page * size);
        return new Page(runs, total);
    }

    private Page page(String where, String connectorId, int page, int size) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM connector_run WHERE " + where, Long.class, connectorId);
        List<Run> runs = jdbc.query("SELECT " + COLUMNS + " FROM connector_run WHERE " + where
                + " ORDER BY finished_at DESC, started_at DESC, id DESC LIMIT ? OFFSET ?", (rs, n) -> run(rs),
                connectorId, size, (long) page * size);
        return new Page(runs, total);
    }

    private static Run run(ResultSet rs) throws SQLException {
        String fileOutcome = rs.getString(11);
        return new Run(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), Outcome.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), fileOutcome == null ? null : FileOutcome.valueOf(fileOutcome),
                rs.getString(12));
    }
}
