package dev.subsidy.gateway.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own, so that a
 * commit only appends to the log and syncs it. SQLite's default checkpoints inside the commit that
 * crosses 1,000 pages: with a body of 10,000 records that is every commit, and the copy and the
 * second sync ran on the writer's thread while every other writer waited (measured: a quarter of
 * the intake's time, docs/operations.md "Database"). Durability is unchanged — a commit is synced
 * to the log before it returns either way.
 *
 * <p>A checkpoint here is {@code PASSIVE}: it never blocks a writer, and copies what no reader still
 * needs. But only a writer that begins when every page of the log has been copied starts the log over;
 * with bodies stored back to back there is no such moment (the next one begins as the last commits),
 * so the log grew to a gigabyte, every commit appending to new blocks of the file, which the file
 * system first zeroes and allocates (a sixth of the writer's time at a million records). Once the log
 * passes {@link #RESET_FRAMES}, the checkpoint therefore takes a turn among this process's writers
 * ({@link WriteLock#queued}): between two transactions it copies the last one's pages, and the next
 * writer starts the log over, writing into blocks the file already has. Should the log still outgrow
 * {@link #RESTART_FRAMES} (readers holding old snapshots under steady writing), one {@code RESTART}
 * checkpoint waits for the readers and lets the next writer begin the log again.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    /** About 1 GiB of 4 KiB pages. */
    static final int RESTART_FRAMES = 262_144;
    /** About 64 MiB of 4 KiB pages: a few bodies of 10,000 records. */
    static final int RESET_FRAMES = 16_384;
    private static final long PERIOD_MS = 500;
    /** How long a shutdown lets a running checkpoint finish before it interrupts it. */
    static final long SHUTDOWN_GRACE_MS = 2_000;

    private final DataSource database;
    private final ReentrantLock writers;
    private final int resetFrames;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });
    private Connection connection;
    /** The checkpoint being run, for a shutdown to interrupt: copying a log of gigabytes takes minutes. */
    private volatile Statement running;
    private volatile boolean closing;

    /**
     * @param database connections to the database file, outside the application's pool
     * @param writers the turn this process's writers take before they begin
     * @param resetFrames the log's pages past which the log is copied between two writers and started over
     */
    WalCheckpointer(DataSource database, ReentrantLock writers, int resetFrames) {
        this.database = database;
        this.writers = writers;
        this.resetFrames = resetFrames;
        thread.scheduleWithFixedDelay(this::checkpoint, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try {
            if (connection == null) {
                connection = database.getConnection();
            }
            int[] passive = run("PASSIVE");
            if (passive[1] > resetFrames) {
                passive = betweenWriters(passive);
            }
            if (passive[1] > RESTART_FRAMES && passive[2] < passive[1]) {
                int[] restart = run("RESTART");
                log.info("write-ahead log at {} pages: restarted it ({} pages copied)", passive[1], restart[2]);
            }
        } catch (SQLException e) {
            if (closing) {
                // interrupted by the shutdown: what was not copied stays in the log, which the next start reads
                log.info("write-ahead log checkpoint stopped for the shutdown: {}", e.getMessage());
                closeConnection();
                return;
            }
            // the next turn tries again on a new connection; the log only grows meanwhile
            log.warn("write-ahead log checkpoint failed: {}", e.getMessage());
            closeConnection();
        } catch (RuntimeException e) {
            log.warn("write-ahead log checkpoint failed", e);
            closeConnection();
        }
    }

    /**
     * A passive checkpoint while no writer of this process is in a transaction: it can copy the whole log.
     *
     * @param passive the checkpoint just run, answered as it is when the wait for the turn is interrupted
     */
    private int[] betweenWriters(int[] passive) throws SQLException {
        try {
            // a period close holds the turn for a minute: a shutdown meanwhile interrupts the wait
            writers.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return passive;
        }
        try {
            return run("PASSIVE");
        } finally {
            writers.unlock();
        }
    }

    /** busy (1 when it could not finish), pages in the log, pages copied. */
    private int[] run(String mode) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            try (ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
            }
        } finally {
            running = null;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being given up
            }
            connection = null;
        }
    }

    /**
     * Stops the checkpoints. One still copying after {@link #SHUTDOWN_GRACE_MS} is interrupted ({@code
     * Statement.cancel}, SQLite's {@code sqlite3_interrupt}), which SQLite allows between two pages: the pages
     * not yet copied stay in the log, and the next start finds them there. Waiting instead held a shutdown
     * after a close of ten million records for over a minute, until the process was killed.
     */
    @Override
    public void close() {
        closing = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS)) {
                interruptRunning();
                thread.shutdownNow();
                if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                    // the connection stays open: closing it now would wait on the checkpoint it is running
                    log.warn("write-ahead log checkpoint still running at shutdown; its log is read at the next start");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interruptRunning();
            return;
        }
        closeConnection();
    }

    private void interruptRunning() {
        Statement statement = running;
        if (statement == null) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            log.warn("could not interrupt the running write-ahead log checkpoint: {}", e.getMessage());
        }
    }
}
