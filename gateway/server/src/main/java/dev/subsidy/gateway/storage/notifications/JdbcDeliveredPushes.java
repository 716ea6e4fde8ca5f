package dev.subsidy.gateway.storage.notifications;

import dev.subsidy.gateway.notifications.DeliveredPushes;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the outbox ({@code delivery}) for the last batch the award intake took. */
@Repository
public class JdbcDeliveredPushes implements DeliveredPushes {

    private final JdbcTemplate jdbc;

    public JdbcDeliveredPushes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastDeliveredAt() {
        Long at = jdbc.queryForObject("SELECT MAX(updated_at) FROM delivery WHERE status = 'DELIVERED'", Long.class);
        return Optional.ofNullable(at).map(Instant::ofEpochMilli);
    }
}
