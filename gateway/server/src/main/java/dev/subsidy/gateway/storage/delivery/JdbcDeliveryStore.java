package dev.subsidy.gateway.storage.delivery;

import dev.subsidy.gateway.delivery.DeliveryKind;
import dev.subsidy.gateway.delivery.DeliveryOutcome;
import dev.subsidy.gateway.delivery.DeliveryStatus;
import dev.subsidy.gateway.delivery.DeliveryStore;
import dev.subsidy.gateway.delivery.DeliveryView;
import dev.subsidy.gateway.delivery.PendingDelivery;
import dev.subsidy.gateway.storage.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The JDBC implementation of {@link DeliveryStore}.
 * Reads and updates the outbox table ({@code delivery}) for the worker and the API; the
 * {@link Outbox} writes it. Each update is one statement, so it needs no transaction of its own,
 * and each is guarded by {@code status = 'PENDING'} so a late worker never reopens a settled batch.
 * Thread-safe.
 */
@Repository
public class JdbcDeliveryStore implements DeliveryStore {

    private static final String COLUMNS =
            "id, kind, period, items, status, attempts, next_attempt_at, last_status, last_response, created_at, updated_at";

    private final JdbcTemplate jdbc;

    public JdbcDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Backlog backlog() {
        return jdbc.queryForObject("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM delivery WHERE status = 'PENDING'",
                (rs, i) -> {
                    long oldest = rs.getLong("oldest");
                    // MIN of no rows is NULL: asked right after reading it, before any other column
                    Optional<Instant> queued = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
                    return new Backlog(rs.getLong("pending"), queued);
                });
    }

    @Override
    public List<PendingDelivery> due(Instant now, int limit) {
        return jdbc.query("""
                SELECT id, kind, body, attempts FROM delivery
                WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY created_at, id
                LIMIT ?""",
                (rs, i) -> new PendingDelivery(rs.getString("id"), DeliveryKind.valueOf(rs.getString("kind")),
                        rs.getString("body"), rs.getInt("attempts")),
                now.toEpochMilli(), limit);
    }

    @Override
    public void delivered(String id, DeliveryOutcome outcome, Instant now) {
        settle(id, DeliveryStatus.DELIVERED, outcome, now);
    }

    @Override
    public void failed(String id, DeliveryOutcome outcome, Instant now) {
        settle(id, DeliveryStatus.FAILED, outcome, now);
    }

    @Override
    public void retryLater(String id, DeliveryOutcome outcome, Instant nextAttempt, Instant now) {
        jdbc.update("""
                UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?,
                                    last_response = ?, updated_at = ?
                WHERE id = ? AND status = 'PENDING'""",
                nextAttempt.toEpochMilli(), outcome.status(), DeliveryStore.cut(outcome.reply()), now.toEpochMilli(), id);
    }

    private void settle(String id, DeliveryStatus status, DeliveryOutcome outcome, Instant now) {
        jdbc.update("""
                UPDATE delivery SET status = ?, attempts = attempts + 1, last_status = ?, last_response = ?,
                                    updated_at = ?
                WHERE id = ? AND status = 'PENDING'""",
                status.name(), outcome.status(), DeliveryStore.cut(outcome.reply()), now.toEpochMilli(), id);
    }

    @Override
    public Retry makeDue(String id, Instant now) {
        int updated = jdbc.update("""
                UPDATE delivery SET status = 'PENDING', next_attempt_at = ?, updated_at = ?
                WHERE id = ? AND status IN ('PENDING', 'FAILED')""",
                now.toEpochMilli(), now.toEpochMilli(), id);
        if (updated == 1) {
            return Retry.DUE;
        }
        return find(id, false).isPresent() ? Retry.ALREADY_DELIVERED : Retry.UNKNOWN;
    }

    @Override
    public List<DeliveryView> list(Optional<DeliveryStatus> status, boolean withBody, int limit) {
        String select = "SELECT " + COLUMNS + (withBody ? ", body" : "") + " FROM delivery";
        List<Object> args = new ArrayList<>();
        if (status.isPresent()) {
            select += " WHERE status = ?";
            args.add(status.get().name());
        }
        args.add(limit);
        return jdbc.query(select + " ORDER BY created_at DESC, id DESC LIMIT ?", view(withBody), args.toArray());
    }

    @Override
    public Optional<DeliveryView> find(String id, boolean withBody) {
        String select = "SELECT " + COLUMNS + (withBody ? ", body" : "") + " FROM delivery WHERE id = ?";
        return jdbc.query(select, view(withBody), id).stream().findFirst();
    }

    private static RowMapper<DeliveryView> view(boolean withBody) {
        return (rs, i) -> {
            DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
            return new DeliveryView(
                    rs.getString("id"),
                    DeliveryKind.valueOf(rs.getString("kind")),
                    rs.getString("period"),
                    rs.getInt("items"),
                    status,
                    rs.getInt("attempts"),
                    status == DeliveryStatus.PENDING ? Sql.millis(rs, "next_attempt_at") : null,
                    Sql.integer(rs, "last_status"),
                    rs.getString("last_response"),
                    Sql.millis(rs, "created_at"),
                    Sql.millis(rs, "updated_at"),
                    withBody ? rs.getString("body") : null);
        };
    }
}
