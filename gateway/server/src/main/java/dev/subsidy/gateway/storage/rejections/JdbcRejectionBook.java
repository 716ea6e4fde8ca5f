package dev.subsidy.gateway.storage.rejections;

import dev.subsidy.gateway.rejections.RejectionBook;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.intake.IntakeReceipt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The intake's {@code rejected_record} rows read as a queue, and their replays in {@code rejection_replay}
 * (V15). Reads of the queue page by (received_at, batch_id, record_index), never by offset, so a replay
 * of a million rejections reads each once.
 */
@Repository
public class JdbcRejectionBook implements RejectionBook {

    /** intake_batch.format of the batches a connector read itself (its standard feed's are JSON, NDJSON, CSV). */
    private static final String CONNECTOR_ORIGINS = "('PULL', 'PUSH', 'FILE')";

    private final JdbcTemplate jdbc;

    public JdbcRejectionBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.connector() != null) {
            where.append(" AND r.connector_id = ?");
            args.add(filter.connector());
        }
        if (filter.batch() != null) {
            where.append(" AND r.batch_id = ?");
            args.add(filter.batch());
        }
        if (filter.reason() != null) {
            where.append(" AND LOWER(r.reason) LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(filter.reason().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.replayed() != null) {
            where.append(filter.replayed() ? " AND m.batch_id IS NOT NULL" : " AND m.batch_id IS NULL");
        }
        String from = " FROM rejected_record r LEFT JOIN intake_batch b ON b.id = r.batch_id"
                + " LEFT JOIN rejection_replay m ON m.batch_id = r.batch_id AND m.record_index = r.record_index";
        long total = jdbc.queryForObject("SELECT COUNT(*)" + from + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<Listed> items = jdbc.query("SELECT r.batch_id, r.record_index, r.connector_id, b.format, r.reason, r.raw,"
                + " r.received_at, m.replay_batch, m.replayed_at, m.outcome, m.reason AS replay_reason" + from + where
                + " ORDER BY r.received_at DESC, r.batch_id DESC, r.record_index LIMIT ? OFFSET ?",
                (rs, n) -> listed(rs), paged.toArray());
        return new Page(items, total);
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        String replayBatch = rs.getString("replay_batch");
        Replay replay = replayBatch == null ? null : new Replay(replayBatch, Sql.millis(rs, "replayed_at"),
                rs.getString("outcome"), rs.getString("replay_reason"));
        return new Listed(rs.getString("batch_id"), rs.getInt("record_index"), rs.getString("connector_id"),
                rs.getString("format"), rs.getString("reason"), rs.getString("raw"), Sql.millis(rs, "received_at"), replay);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public List<Pending> pending(String connector, String batch, Instant since, After after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.batch_id, r.record_index, r.received_at, b.format, r.raw,
                       COALESCE(m.origin_batch, r.batch_id) AS origin_batch,
                       COALESCE(m.origin_index, r.record_index) AS origin_index
                FROM rejected_record r
                LEFT JOIN intake_batch b ON b.id = r.batch_id
                LEFT JOIN rejection_replay m ON m.replay_batch = r.batch_id
                     AND m.first_index <= r.record_index AND m.first_index + m.records > r.record_index
                WHERE r.connector_id = ?
                  AND NOT EXISTS (SELECT 1 FROM rejection_replay d WHERE d.batch_id = r.batch_id AND d.record_index = r.record_index)
                """);
        List<Object> args = new ArrayList<>();
        args.add(connector);
        if (batch != null) {
            sql.append(" AND r.batch_id = ?");
            args.add(batch);
        }
        if (since != null) {
            sql.append(" AND r.received_at >= ?");
            args.add(since.toEpochMilli());
        }
        if (after != null) {
            sql.append(" AND (r.received_at > ? OR (r.received_at = ? AND (r.batch_id > ? OR (r.batch_id = ? AND r.record_index > ?))))");
            args.add(after.receivedAt());
            args.add(after.receivedAt());
            args.add(after.batch());
            args.add(after.batch());
            args.add(after.index());
        }
        sql.append(" ORDER BY r.received_at, r.batch_id, r.record_index LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Pending(rs.getString("batch_id"), rs.getInt("record_index"),
                rs.getLong("received_at"), rs.getString("format"), rs.getString("raw"), rs.getString("origin_batch"),
                rs.getInt("origin_index")), args.toArray());
    }

    @Override
    public void mark(List<Mark> marks) {
        jdbc.batchUpdate("INSERT INTO rejection_replay (batch_id, record_index, connector_id, replay_batch, replayed_at,"
                + " first_index, records, outcome, reason, origin_batch, origin_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                marks, 1000, (ps, m) -> {
                    ps.setString(1, m.rejection().batch());
                    ps.setInt(2, m.rejection().index());
                    ps.setString(3, m.connector());
                    ps.setString(4, m.replay());
                    ps.setLong(5, m.at().toEpochMilli());
                    ps.setInt(6, m.firstIndex());
                    ps.setInt(7, m.records());
                    ps.setString(8, m.outcome().name());
                    ps.setString(9, m.reason());
                    ps.setString(10, m.rejection().originBatch());
                    ps.setInt(11, m.rejection().originIndex());
                });
    }

    @Override
    public void settle(String replay, String batch, List<IntakeReceipt.Rejected> rejected) {
        // the first new reason of a rejection that became several records is the one kept
        jdbc.batchUpdate("UPDATE rejection_replay SET outcome = 'STILL_REJECTED', reason = ? WHERE replay_batch = ?"
                + " AND first_index <= ? AND first_index + records > ? AND outcome <> 'STILL_REJECTED'",
                rejected, 1000, (ps, r) -> {
                    ps.setString(1, r.reason());
                    ps.setString(2, replay);
                    ps.setInt(3, r.index());
                    ps.setInt(4, r.index());
                });
        jdbc.update("UPDATE rejection_replay SET replay_batch = ? WHERE replay_batch = ?", batch, replay);
    }

    @Override
    public List<NotStored> notStored(String replayBatch, int limit) {
        return jdbc.query("SELECT batch_id, record_index, outcome, reason FROM rejection_replay WHERE replay_batch = ?"
                + " AND outcome IN ('STILL_REJECTED', 'NOT_REPLAYABLE') ORDER BY first_index, batch_id, record_index LIMIT ?",
                (rs, n) -> new NotStored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), replayBatch, limit);
    }

    @Override
    public long countNotStored(String replayBatch) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rejection_replay WHERE replay_batch = ?"
                + " AND outcome IN ('STILL_REJECTED', 'NOT_REPLAYABLE')", Long.class, replayBatch);
    }

    @Override
    public boolean anyBatch(String connector) {
        return !jdbc.queryForList("SELECT 1 FROM intake_batch WHERE connector_id = ? LIMIT 1", Integer.class, connector).isEmpty();
    }

    @Override
    public boolean readByConnector(String connector) {
        return !jdbc.queryForList("SELECT 1 FROM intake_batch WHERE connector_id = ? AND format IN " + CONNECTOR_ORIGINS
                + " LIMIT 1", Integer.class, connector).isEmpty();
    }
}
