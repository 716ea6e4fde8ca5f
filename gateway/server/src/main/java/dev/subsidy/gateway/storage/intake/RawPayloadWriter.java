package dev.subsidy.gateway.storage.intake;

import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.intake.RecordText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps raw payloads (docs/records.md "Provenance"), each distinct text once, in the intake's
 * transaction: one JDBC batch per chunk. A text already kept keeps its first arrival and expiry; one
 * whose body retention has already removed is kept again, from this arrival.
 */
final class RawPayloadWriter {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Duration retention;

    RawPayloadWriter(JdbcTemplate jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * The raw payload as it is kept and hashed: the text as it arrived, except that a NUL character,
     * which a PostgreSQL text cannot hold, is written as the six characters {@code \u0000} (as a
     * rejection's raw text is), so that the kept text always matches its hash.
     */
    static String kept(String payload) {
        return RecordText.printable(payload);
    }

    /** SHA-256 (hex) of the UTF-8 bytes of the kept text. */
    static String hash(String kept) {
        return CanonicalForm.sha256(kept);
    }

    /** @param byHash kept text by its hash, each once */
    void write(Map<String, String> byHash, long receivedAt) {
        if (byHash.isEmpty()) {
            return;
        }
        long expiresAt = receivedAt + retention.toMillis();
        List<Map.Entry<String, String>> rows = new ArrayList<>(byHash.entrySet());
        // portable upsert (SQLite 3.24+, PostgreSQL 9.5+); the WHERE keeps a live payload's first arrival
        jdbc.batchUpdate("INSERT INTO raw_payload (raw_hash, body, first_received_at, expires_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (raw_hash) DO UPDATE SET body = excluded.body, first_received_at = excluded.first_received_at, "
                + "expires_at = excluded.expires_at WHERE raw_payload.body IS NULL", rows, BATCH, (ps, e) -> {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.setLong(3, receivedAt);
                    ps.setLong(4, expiresAt);
                });
    }
}
