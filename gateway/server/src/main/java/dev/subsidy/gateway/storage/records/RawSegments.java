package dev.subsidy.gateway.storage.records;

import dev.subsidy.intake.RawSegment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code raw_segment} ({@link RawSegment}): a segment is written in the intake's transaction with the rows
 * that point into it, and keeps its row after retention empties it, so that the API can say when its texts expired.
 */
public final class RawSegments {

    private static final Logger LOG = LoggerFactory.getLogger(RawSegments.class);

    private final JdbcTemplate jdbc;
    /**
     * The last segment read, and which: rows of one chunk read one after another inflate it once. Only the last, so
     * that a reader going through many batches holds one inflated segment at a time, not all of them.
     */
    private String lastKey;
    private Optional<Stored> last;

    public RawSegments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored segment: its texts inflated, or null once retention removed them or when they cannot be read; when it
     * expires (or did); and why it cannot be read, null when it can.
     */
    public record Stored(byte[] inflated, Instant expiresAt, String damage) {

        /**
         * The text a row points at, or null when the segment's texts are gone.
         *
         * @throws IllegalStateException when the place lies outside the segment
         */
        public String text(int at, int length) {
            return inflated == null ? null : RawSegment.text(inflated, at, length);
        }
    }

    public void write(String batchId, int segment, byte[] body, long expiresAt) {
        jdbc.update("INSERT INTO raw_segment (batch_id, segment, body, expires_at) VALUES (?, ?, ?, ?)", batchId,
                segment, body, expiresAt);
    }

    /**
     * Numbers for new segments of batch {@code batchId}, after those it has: the first number asked for reads the
     * batch's highest (one look in the key's index per chunk), the next count on from it. A batch's ids are the
     * caller's to choose, and one used again (a tool storing records directly, a test) still gets segments of its
     * own. Numbers of segments left unwritten (no row of the chunk went in) are skipped.
     */
    public IntSupplier numbering(String batchId) {
        int[] last = {-1};
        return () -> {
            if (last[0] < 0) {
                Integer highest = jdbc.queryForObject("SELECT MAX(segment) FROM raw_segment WHERE batch_id = ?",
                        Integer.class, batchId);
                last[0] = highest == null ? 0 : highest;
            }
            return ++last[0];
        };
    }

    /** The segment {@code segment} of batch {@code batchId}; empty when there is no such segment. */
    public Optional<Stored> find(String batchId, int segment) {
        String key = batchId + '\n' + segment;
        if (key.equals(lastKey)) {
            return last;
        }
        last = read(batchId, segment);
        lastKey = key;
        return last;
    }

    private Optional<Stored> read(String batchId, int segment) {
        List<Stored> rows = jdbc.query("SELECT body, expires_at FROM raw_segment WHERE batch_id = ? AND segment = ?",
                (rs, n) -> {
                    byte[] body = rs.getBytes("body");
                    Instant expires = Instant.ofEpochMilli(rs.getLong("expires_at"));
                    try {
                        return new Stored(body == null ? null : RawSegment.inflate(body), expires, null);
                    } catch (IllegalStateException e) {
                        // read as lost, not failed: a second version of a record must still go in, and the API
                        // says why the text cannot be given (the hashes on the rows are untouched)
                        LOG.warn("raw payload segment {} of batch {} cannot be read: {}", segment, batchId,
                                e.getMessage());
                        return new Stored(null, expires, e.getMessage());
                    }
                }, batchId, segment);
        return rows.stream().findFirst();
    }
}
