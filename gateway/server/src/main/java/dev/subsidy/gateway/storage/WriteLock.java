package dev.subsidy.gateway.storage;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the transactions that decide "new, duplicate or new version" for natural keys, so
 * two feeds posting the same waybill at once cannot both insert it. SQLite already has one writer
 * at a time (transactions begin IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock,
 * which also holds across several gateway instances on one database.
 *
 * <p>On SQLite, writers of this process also queue on a fair Java lock before they begin
 * ({@link #queued}): a transaction waiting at {@code BEGIN IMMEDIATE} sleeps in SQLite's busy
 * handler, which backs off up to 100 ms between tries, so two feeds taking turns lost tens of
 * milliseconds at every hand-over (measured: a third of the intake's time with two clients).
 */
public class WriteLock {

    /** Arbitrary, fixed: the advisory lock id of record intake and period close. */
    private static final long RECORDS_LOCK = 0x5B5_1D7L;

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final ReentrantLock writers;

    public WriteLock(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        // the pool's checkpoints take their turn in the same queue (WalCheckpointer)
        this.writers = SqliteDataSources.writersOf(jdbc.getDataSource());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void acquire() {
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", RECORDS_LOCK);
            // Key lookups run as prepared statements; a generic plan made while a table was still
            // empty (a fresh gateway, before autovacuum has analysed it) is a sequential scan, kept
            // for the life of the connection: measured, 0.6 s per lookup at 77,000 rows. Custom plans
            // see the real size every time.
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * Runs {@code transaction} — one that will {@link #acquire} — once this process's writers before
     * it are done (SQLite), or at once (PostgreSQL, whose advisory lock wakes its waiters itself).
     */
    public <T> T queued(Supplier<T> transaction) {
        if (dialect == Dialect.POSTGRESQL) {
            return transaction.get();
        }
        writers.lock();
        try {
            return transaction.get();
        } finally {
            writers.unlock();
        }
    }

    public Dialect dialect() {
        return dialect;
    }
}
