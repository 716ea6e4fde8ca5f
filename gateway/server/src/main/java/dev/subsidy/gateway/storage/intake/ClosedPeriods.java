package dev.subsidy.gateway.storage.intake;

import dev.subsidy.model.RecordKind;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The periods closed so far, as one chunk's write sees them under the write lock, and the records of the chunk that
 * arrived into one of them as a new current version. A record of a closed period without a status row reads as
 * VERIFIED (docs/records.md "Verification status"), so these get a RECEIVED row until their period is closed again.
 * Most records arrive into a period not closed yet: one small query per chunk, and nothing written.
 */
final class ClosedPeriods<T> {

    private final RecordTable<T> table;
    private final JdbcTemplate jdbc;
    private final List<long[]> bounds;
    private final List<String> received = new ArrayList<>();

    ClosedPeriods(RecordTable<T> table, JdbcTemplate jdbc) {
        this.table = table;
        this.jdbc = jdbc;
        this.bounds = jdbc.query("SELECT starts_at, ends_at FROM period_close WHERE starts_at IS NOT NULL",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    /** The record is now its key's current version. */
    void arrived(T record) {
        for (long[] b : bounds) {
            if (table.placedIn(record, b[0], b[1])) {
                received.add(table.naturalKey(record));
                return;
            }
        }
    }

    /** Writes RECEIVED for the records that {@link #arrived} inside a closed period. */
    void markReceived(RecordKind kind) {
        if (received.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO record_status (kind, natural_key, status, reasons) VALUES (?, ?, 'RECEIVED', NULL) "
                + "ON CONFLICT (kind, natural_key) DO UPDATE SET status = 'RECEIVED', reasons = NULL", received,
                received.size(), (ps, key) -> {
                    ps.setString(1, kind.wireName());
                    ps.setString(2, key);
                });
        received.clear();
    }
}
