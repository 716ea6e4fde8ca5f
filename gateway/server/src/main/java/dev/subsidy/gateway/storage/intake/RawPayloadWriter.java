package dev.subsidy.gateway.storage.intake;

import java.time.Duration;
import java.util.LinkedHashMap;
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

    /** When a payload first received at {@code receivedAt} (epoch ms) is to lose its text. */
    long expiresAt(long receivedAt) {
        return receivedAt + retention.toMillis();
    }

    /**
     * Payloads with their own first arrival and expiry: an inline version's payload moving out of its
     * record's row when a second version arrives keeps the expiry it had.
     */
    void write(List<Kept> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // each text once: PostgreSQL runs the batch as one statement, which may not update a row twice ("ON CONFLICT
        // DO UPDATE command cannot affect row a second time"), and records mapped from one partner record share a text
        Map<String, Kept> byHash = new LinkedHashMap<>();
        rows.forEach(k -> byHash.merge(k.hash(), k, RawPayloadWriter::keptLonger));
        // portable upsert (SQLite 3.24+, PostgreSQL 9.5+); the WHERE keeps a live payload's first arrival
        jdbc.batchUpdate("INSERT INTO raw_payload (raw_hash, body, first_received_at, expires_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (raw_hash) DO UPDATE SET body = excluded.body, first_received_at = excluded.first_received_at, "
                + "expires_at = excluded.expires_at WHERE raw_payload.body IS NULL", List.copyOf(byHash.values()), BATCH, (ps, k) -> {
                    ps.setString(1, k.hash());
                    if (k.text() == null) {
                        ps.setNull(2, java.sql.Types.VARCHAR);
                    } else {
                        ps.setString(2, k.text());
                    }
                    ps.setLong(3, k.firstReceivedAt());
                    ps.setLong(4, k.expiresAt());
                });
    }

    /** Of two arrivals of one text, the one whose text is kept, else the first received. */
    private static Kept keptLonger(Kept a, Kept b) {
        if ((a.text() == null) != (b.text() == null)) {
            return a.text() != null ? a : b;
        }
        return b.firstReceivedAt() < a.firstReceivedAt() ? b : a;
    }

    /** A payload to keep: its hash, its text (null once retention removed it), first arrival and expiry (epoch ms). */
    record Kept(String hash, String text, long firstReceivedAt, long expiresAt) {}
}
