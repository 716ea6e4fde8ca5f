package dev.subsidy.gateway.storage.intake;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the text of raw payloads past their expiry (docs/records.md "Provenance"), a bounded batch
 * per transaction so a large backlog never holds the database for long. The row stays with its hash
 * and expiry, so the API can say when a payload expired; the hash on each version is never touched.
 */
@Repository
public class RawPayloadRetention {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public RawPayloadRetention(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Removes the text of at most {@code max} payloads (or segments of them) that expired at or before {@code now}, oldest
     * expiry first, in one transaction.
     *
     * @return how many were removed: fewer than {@code max} means none is left
     */
    public int forgetExpired(Instant now, int max) {
        Integer removed = transactions.execute(tx -> {
            long at = now.toEpochMilli();
            int n = jdbc.update("UPDATE raw_payload SET body = NULL WHERE raw_hash IN "
                    + "(SELECT raw_hash FROM raw_payload WHERE body IS NOT NULL AND expires_at <= ? "
                    + "ORDER BY expires_at LIMIT ?)", at, max);
            // the payloads of a chunk's new records, kept together (V21): the segment's row and expiry stay
            if (n < max) {
                n += jdbc.update("UPDATE raw_segment SET body = NULL WHERE body IS NOT NULL AND expires_at <= ? AND "
                        + "(batch_id, segment) IN (SELECT batch_id, segment FROM raw_segment WHERE body IS NOT NULL "
                        + "AND expires_at <= ? ORDER BY expires_at LIMIT ?)", at, at, max - n);
            }
            // payloads kept inline with a record's only version (V13): the expiry stays, the text goes
            for (String table : new String[] {"shipment", "sales_order"}) {
                if (n < max) {
                    n += jdbc.update("UPDATE " + table + " SET raw = NULL WHERE natural_key IN (SELECT natural_key FROM "
                            + table + " WHERE raw IS NOT NULL AND raw_expires_at <= ? ORDER BY raw_expires_at LIMIT ?)",
                            at, max - n);
                }
            }
            return n;
        });
        return removed == null ? 0 : removed;
    }
}
