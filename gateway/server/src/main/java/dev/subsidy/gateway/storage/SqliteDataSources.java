package dev.subsidy.gateway.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The gateway's SQLite settings in one place, for the application and for the bench. */
public final class SqliteDataSources {

    /**
     * How much of the file is mapped: the size of any database the gateway should hold. Address space, not
     * memory; the pages are the operating system's file cache either way.
     */
    static final long MMAP_BYTES = 64L << 30;

    /**
     * The page size a new database file is made with, SQLite's own default, chosen by measurement (docs/operations.md
     * "Database"): larger pages wrote a million records faster and ten million slower, each random insert into the
     * natural-key index then rewriting a larger page in the log. In WAL mode a database keeps the page size it was made
     * with, so an existing file keeps its own.
     */
    static final int PAGE_SIZE = 4_096;

    /** The write-ahead log's size once emptied: {@link WalCheckpointer#RESET_FRAMES} pages and what comes in meanwhile. */
    static final int JOURNAL_SIZE_LIMIT = 256 << 20;

    private SqliteDataSources() {}

    public static HikariDataSource create(Path file) {
        return create(file, sqlite -> {}, true);
    }

    /**
     * The gateway's settings changed by {@code adjust}, with or without the background checkpoints (without:
     * SQLite's own, inside the commit that crosses 1,000 pages): for the bench that measures each setting.
     */
    public static HikariDataSource create(Path file, Consumer<SQLiteConfig> adjust, boolean backgroundCheckpoints) {
        return create(file, adjust, backgroundCheckpoints, WalCheckpointer.RESET_FRAMES);
    }

    /** As the gateway's, with the log started over past {@code resetFrames} pages: for a test of that. */
    static HikariDataSource create(Path file, Consumer<SQLiteConfig> adjust, boolean backgroundCheckpoints,
                                   int resetFrames) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + file.getParent(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL lets readers run beside the single writer; FULL syncs the WAL on every commit, so a
        // 202 from the feed endpoint survives a power cut, not only a process crash.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(60_000);
        // IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads and then
        // writes fails at once with SQLITE_BUSY when another writer got there first.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.enforceForeignKeys(true);
        // 64 MiB of page cache per connection: natural keys are random, so index pages are hit all over
        sqlite.setCacheSize(-65_536);
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // pages are read through a mapping of the file, not a read() call each: a close reads a month of rows
        // spread over the whole table (measured at 1,000,000 records: 57-61 s without, 48-49 s with)
        sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
        // the log file is cut back to this once a checkpoint has emptied it, not left at its largest; above what the
        // log reaches between two of WalCheckpointer's resets, so that a reset log is written over, not grown again
        sqlite.setJournalSizeLimit(JOURNAL_SIZE_LIMIT);
        sqlite.setPageSize(PAGE_SIZE);
        adjust.accept(sqlite);
        made(file, Integer.parseInt(sqlite.toProperties().getProperty(SQLiteConfig.Pragma.PAGE_SIZE.pragmaName)));
        SQLiteDataSource target = new SQLiteDataSource(sqlite);
        target.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(target);
        pool.setPoolName("sqlite");
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(120_000);
        if (!backgroundCheckpoints) {
            return new HikariDataSource(pool);
        }
        // checkpoints run on their own thread (WalCheckpointer), never inside a writer's commit
        pool.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
        ReentrantLock writers = new ReentrantLock(true);
        return new Pool(pool, writers, new WalCheckpointer(target, writers, resetFrames));
    }

    /**
     * Makes a new database file with {@code pageSize}: the page size has to be set before the file is put in WAL mode,
     * which the pool's connections do first when they open (its pragma is then ignored). A file that exists already
     * is left as it is.
     */
    private static void made(Path file, int pageSize) {
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                return;
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = " + pageSize);
                s.execute("PRAGMA journal_mode = WAL");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database file " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the database file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The turn this process's writers of {@code dataSource} queue for before they begin ({@link WriteLock#queued}):
     * the pool's own when it is one made here, so that its checkpoints can take a turn too; a new one otherwise.
     */
    static ReentrantLock writersOf(DataSource dataSource) {
        return dataSource instanceof Pool pool ? pool.writers : new ReentrantLock(true);
    }

    /** The pool, and the checkpoints it needs for as long as it is open. */
    private static final class Pool extends HikariDataSource {

        private final ReentrantLock writers;
        private final WalCheckpointer checkpointer;

        Pool(HikariConfig config, ReentrantLock writers, WalCheckpointer checkpointer) {
            super(config);
            this.writers = writers;
            this.checkpointer = checkpointer;
        }

        @Override
        public void close() {
            checkpointer.close();
            super.close();
        }
    }
}
