package dev.subsidy.gateway.storage.reconciliation;

import dev.subsidy.gateway.reconciliation.ReconciliationStore;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reconciliation's sums over intake_batch, rejected_record, rejection_replay (V15) and connector_run
 * (V14). A span is [from, to) of received_at (batches, and the batch a replayed rejection first arrived
 * in) or started_at (runs); replay batches (format REPLAY) are counted only through the rejections they
 * replayed, so no record is counted twice.
 */
@Repository
class JdbcReconciliationStore implements ReconciliationStore {

    private static final String REPLAY = "REPLAY";

    private final JdbcTemplate jdbc;

    JdbcReconciliationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Intake> intake(String connector, Instant from, Instant to) {
        return jdbc.query("""
                SELECT format, COUNT(*), SUM(records), SUM(accepted), SUM(duplicates), SUM(rejected)
                FROM intake_batch WHERE connector_id = ? AND received_at >= ? AND received_at < ? AND format <> ?
                GROUP BY format ORDER BY format""",
                (rs, n) -> new Intake(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                connector, from.toEpochMilli(), to.toEpochMilli(), REPLAY);
    }

    @Override
    public long rejectionsKept(String connector, Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM rejected_record r JOIN intake_batch b ON b.id = r.batch_id
                WHERE b.connector_id = ? AND b.received_at >= ? AND b.received_at < ? AND b.format <> ?""",
                Long.class, connector, from.toEpochMilli(), to.toEpochMilli(), REPLAY);
    }

    @Override
    public Replays replays(String connector, Instant from, Instant to) {
        // one row per rejection as it first arrived; a chain of replays ends at its first STORED or
        // NOTHING_TO_STORE (nothing is left to replay), and is otherwise still waiting for a fix
        return jdbc.queryForObject("""
                SELECT COUNT(*), COALESCE(SUM(is_stored), 0), COALESCE(SUM(is_dropped), 0),
                       COALESCE(SUM(CASE WHEN is_stored = 0 AND is_dropped = 0 AND is_unreadable = 0 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN is_stored = 0 AND is_dropped = 0 THEN is_unreadable ELSE 0 END), 0)
                FROM (SELECT m.origin_batch, m.origin_index,
                             MAX(CASE WHEN m.outcome = 'STORED' THEN 1 ELSE 0 END) AS is_stored,
                             MAX(CASE WHEN m.outcome = 'NOTHING_TO_STORE' THEN 1 ELSE 0 END) AS is_dropped,
                             MAX(CASE WHEN m.outcome = 'NOT_REPLAYABLE' THEN 1 ELSE 0 END) AS is_unreadable
                      FROM rejection_replay m JOIN intake_batch b ON b.id = m.origin_batch
                      WHERE b.connector_id = ? AND b.received_at >= ? AND b.received_at < ?
                      GROUP BY m.origin_batch, m.origin_index) chains""",
                (rs, n) -> new Replays(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                connector, from.toEpochMilli(), to.toEpochMilli());
    }

    @Override
    public Runs runs(String connector, Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT COUNT(*),
                       COALESCE(SUM(CASE WHEN outcome = 'FAILED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN file_outcome IN ('DONE', 'FAILED') THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN file_outcome = 'FAILED' THEN 1 ELSE 0 END), 0)
                FROM connector_run WHERE connector_id = ? AND started_at >= ? AND started_at < ?""",
                (rs, n) -> new Runs(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                connector, from.toEpochMilli(), to.toEpochMilli());
    }

    @Override
    public boolean everKnown(String connector) {
        return !jdbc.queryForList("SELECT 1 FROM intake_batch WHERE connector_id = ? LIMIT 1", Integer.class, connector).isEmpty()
                || !jdbc.queryForList("SELECT 1 FROM connector_run WHERE connector_id = ? LIMIT 1", Integer.class, connector).isEmpty();
    }
}
