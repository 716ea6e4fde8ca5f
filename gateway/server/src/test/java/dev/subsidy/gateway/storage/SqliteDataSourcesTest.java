package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded database's log is copied back by the background checkpoints, not by the writers' commits. */
class SqliteDataSourcesTest {

    @TempDir
    Path home;

    @Test
    void writersNeverCheckpointAndTheBackgroundThreadCopiesTheLogBack() throws Exception {
        Path file = home.resolve("gateway.db");
        try (HikariDataSource pool = SqliteDataSources.create(file)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            assertThat(jdbc.queryForObject("PRAGMA wal_autocheckpoint", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualToIgnoringCase("wal");
            // the driver's build could cap the mapping below what is asked: then reads would go back to read()
            assertThat(jdbc.queryForObject("PRAGMA mmap_size", Long.class)).isEqualTo(SqliteDataSources.MMAP_BYTES);
            jdbc.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            long before = Files.size(file);
            new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(tx ->
                    jdbc.batchUpdate("INSERT INTO item (text) VALUES (?)", java.util.Collections.nCopies(5_000, "x".repeat(200)),
                            1_000, (ps, text) -> ps.setString(1, text)));
            assertThat(Files.size(home.resolve("gateway.db-wal"))).isGreaterThan(1_000_000);

            // a megabyte of rows reaches the database file only through a checkpoint: the writer's commit made none
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(file) > before + 1_000_000);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM item", Integer.class)).isEqualTo(5_000);
        }
    }

    @Test
    void aNewDatabaseIsMadeWithThePageSizeAskedForAndAnExistingOneKeepsItsOwn() {
        Path made = home.resolve("default.db");
        try (HikariDataSource pool = SqliteDataSources.create(made)) {
            assertThat(new JdbcTemplate(pool).queryForObject("PRAGMA page_size", Integer.class))
                    .isEqualTo(SqliteDataSources.PAGE_SIZE);
        }
        // set as a pragma of the pool's connections alone, SQLite ignores it: they put the file in WAL mode first
        Path larger = home.resolve("larger.db");
        try (HikariDataSource pool = SqliteDataSources.create(larger, sqlite -> sqlite.setPageSize(16_384), true)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            assertThat(jdbc.queryForObject("PRAGMA page_size", Integer.class)).isEqualTo(16_384);
            assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualToIgnoringCase("wal");
        }
        try (HikariDataSource pool = SqliteDataSources.create(larger, sqlite -> sqlite.setPageSize(2_048), true)) {
            assertThat(new JdbcTemplate(pool).queryForObject("PRAGMA page_size", Integer.class)).isEqualTo(16_384);
        }
    }

    @Test
    void aLogWrittenBackToBackIsStartedOverBetweenTwoWritersInsteadOfGrowing() throws Exception {
        Path file = home.resolve("gateway.db");
        Path wal = home.resolve("gateway.db-wal");
        int resetFrames = 500;
        try (HikariDataSource pool = SqliteDataSources.create(file, sqlite -> {}, true, resetFrames)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            WriteLock writeLock = new WriteLock(jdbc, Dialect.SQLITE);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            jdbc.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong stored = new AtomicLong();
            // one writer, each transaction beginning as the one before commits, as bodies of a busy feed do
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    writeLock.queued(() -> tx.execute(status -> jdbc.batchUpdate("INSERT INTO item (text) VALUES (?)",
                            Collections.nCopies(1_000, "x".repeat(200)), 1_000, (ps, text) -> ps.setString(1, text))));
                    stored.addAndGet(1_000);
                }
            });
            writer.start();
            long largest = 0;
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                largest = Math.max(largest, Files.exists(wal) ? Files.size(wal) : 0);
                Thread.sleep(10);
            }
            writing.set(false);
            writer.join();

            long written = stored.get() * 200;
            // a log never started over holds every page written (until RESTART_FRAMES, a gigabyte); this one was
            // written over, several times: it never held half of what went through it
            assertThat(largest).isLessThan(written / 2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM item", Long.class)).isEqualTo(stored.get());
        }
    }
}
