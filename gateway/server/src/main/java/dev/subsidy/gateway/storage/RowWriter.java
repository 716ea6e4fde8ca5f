package dev.subsidy.gateway.storage;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many new rows into one table within the current transaction: JDBC batches on SQLite,
 * COPY ... FROM STDIN on PostgreSQL (its bulk-load path, several times faster than batched INSERTs).
 *
 * <p>Each row holds one value per column, in column order: a {@link String}, {@link Integer},
 * {@link Long} or null; {@code nullTypes} gives the {@link java.sql.Types} a null is bound as.
 */
public interface RowWriter {

    void insert(String table, String[] columns, int[] nullTypes, List<Object[]> rows);

    /**
     * Inserts each row whose {@code key} column holds a value not yet in the table, and leaves the others out;
     * any other constraint a row breaks fails the insert as {@link #insert} would.
     *
     * @return for each row, in order, whether it was inserted
     */
    boolean[] insertAbsent(String table, String key, String[] columns, int[] nullTypes, List<Object[]> rows);

    /** The way rows are best inserted on the given database. */
    static RowWriter of(Dialect dialect, JdbcTemplate jdbc) {
        return switch (dialect) {
            case SQLITE -> new JdbcBatchRowWriter(jdbc);
            case POSTGRESQL -> new CopyRowWriter(jdbc);
        };
    }
}
