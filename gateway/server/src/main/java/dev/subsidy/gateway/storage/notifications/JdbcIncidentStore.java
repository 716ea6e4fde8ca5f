package dev.subsidy.gateway.storage.notifications;

import dev.subsidy.gateway.notifications.Incident;
import dev.subsidy.gateway.notifications.IncidentStore;
import dev.subsidy.gateway.notifications.NotificationEvent;
import dev.subsidy.gateway.storage.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The JDBC implementation of {@link IncidentStore} over {@code notification_incident} and
 * {@code notification_notice} (V16). Each change is one statement (an upsert where a row may exist), so it
 * needs no transaction; the unique index on open incidents keeps a second opening out.
 */
@Repository
public class JdbcIncidentStore implements IncidentStore {

    private static final String COLUMNS = "i.id, i.event, i.subject, i.reason, i.opened_at, i.resolved_at";

    private final JdbcTemplate jdbc;

    public JdbcIncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Incident> open() {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification_incident i WHERE i.resolved_at IS NULL"
                + " ORDER BY i.opened_at, i.id", (rs, n) -> incident(rs));
    }

    @Override
    public boolean open(Incident incident) {
        // the partial unique index on (event, subject) of open incidents: a second opening inserts nothing
        return jdbc.update("INSERT INTO notification_incident (id, event, subject, reason, opened_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", incident.id(), incident.event().name(), incident.subject(), incident.reason(),
                incident.openedAt().toEpochMilli()) == 1;
    }

    @Override
    public void resolve(String incidentId, Instant at) {
        jdbc.update("UPDATE notification_incident SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
                at.toEpochMilli(), incidentId);
    }

    @Override
    public List<Due> due(String webhook, Set<NotificationEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(webhook);
        events.forEach(e -> args.add(e.name()));
        return jdbc.query("SELECT " + COLUMNS + " FROM notification_incident i"
                + " LEFT JOIN notification_notice n ON n.incident_id = i.id AND n.webhook = ?"
                + " WHERE i.event IN (" + Sql.placeholders(events.size()) + ")"
                + " AND ((i.resolved_at IS NULL AND n.opened_at IS NULL)"
                + "   OR (i.resolved_at IS NOT NULL AND n.opened_at IS NOT NULL AND n.resolved_at IS NULL))"
                + " ORDER BY i.opened_at, i.id", (rs, n) -> {
                    Incident incident = incident(rs);
                    return new Due(incident, incident.isOpen() ? Notice.OPENED : Notice.RESOLVED);
                }, args.toArray());
    }

    @Override
    public void delivered(String incidentId, String webhook, Notice notice, Instant at) {
        String column = notice == Notice.OPENED ? "opened_at" : "resolved_at";
        jdbc.update("INSERT INTO notification_notice (incident_id, webhook, " + column + ", attempts, last_attempt_at)"
                + " VALUES (?, ?, ?, 1, ?) ON CONFLICT (incident_id, webhook) DO UPDATE SET " + column + " = excluded."
                + column + ", attempts = notification_notice.attempts + 1, last_attempt_at = excluded.last_attempt_at",
                incidentId, webhook, at.toEpochMilli(), at.toEpochMilli());
    }

    @Override
    public void attemptFailed(String incidentId, String webhook, String error, Instant at) {
        jdbc.update("INSERT INTO notification_notice (incident_id, webhook, attempts, last_error, last_attempt_at)"
                + " VALUES (?, ?, 1, ?, ?) ON CONFLICT (incident_id, webhook) DO UPDATE SET"
                + " attempts = notification_notice.attempts + 1, last_error = excluded.last_error,"
                + " last_attempt_at = excluded.last_attempt_at", incidentId, webhook, error, at.toEpochMilli());
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getString("id"), NotificationEvent.valueOf(rs.getString("event")), rs.getString("subject"),
                rs.getString("reason"), Sql.millis(rs, "opened_at"), Sql.millis(rs, "resolved_at"));
    }
}
