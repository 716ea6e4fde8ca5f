package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class StorageTroubleTest {

    private static SQLiteException sqlite(SQLiteErrorCode code) {
        return new SQLiteException("[" + code.name() + "] " + code.message, code);
    }

    /** How Spring's JdbcTemplate hands a driver error on: wrapped, with the SQL. */
    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("intake failed",
                new UncategorizedSQLException("PreparedStatementCallback", "INSERT INTO shipment ...", e));
    }

    @Test
    void sqliteFullIsFullThroughSpringsWrapping() {
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_FULL)))).contains(StorageTrouble.FULL);
    }

    @Test
    void sqliteExtendedCodesCountByTheirPrimaryCode() {
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_IOERR_WRITE)))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_IOERR_NOMEM)))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_READONLY_DBMOVED)))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)))).contains(StorageTrouble.BUSY);
        assertThat(StorageTrouble.of(sqlite(SQLiteErrorCode.SQLITE_BUSY))).contains(StorageTrouble.BUSY);
        assertThat(StorageTrouble.of(sqlite(SQLiteErrorCode.SQLITE_CANTOPEN))).contains(StorageTrouble.UNAVAILABLE);
    }

    @Test
    void aSqliteErrorRethrownWithoutItsCodeIsKnownByItsMessage() {
        BatchUpdateException batch = new BatchUpdateException(
                "batch entry 3: [SQLITE_FULL] Insertion failed because database is full (database or disk is full)", new int[0]);
        assertThat(StorageTrouble.of(wrapped(batch))).contains(StorageTrouble.FULL);
    }

    @Test
    void aStatementErrorKeptAsTheNextExceptionIsRead() {
        SQLException batch = new SQLException("Batch entry 0 INSERT INTO shipment ... was aborted", "25P02");
        batch.setNextException(new SQLException("ERROR: could not extend file \"base/16384/16402\": No space left on device", "53100"));
        assertThat(StorageTrouble.of(wrapped(batch))).contains(StorageTrouble.FULL);
    }

    @Test
    void aRollbackThatFailsAfterSqliteRolledBackItselfStillShowsTheFullDisk() {
        // what TransactionTemplate throws when SQLITE_FULL ended the transaction before Spring could
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLiteException("[SQLITE_ERROR] SQL error or missing database (cannot rollback - no transaction is active)",
                        SQLiteErrorCode.SQLITE_ERROR));
        SQLiteException full = sqlite(SQLiteErrorCode.SQLITE_FULL);
        rollback.initApplicationException(wrapped(full));
        assertThat(StorageTrouble.diagnose(rollback))
                .contains(new StorageTrouble.Diagnosis(StorageTrouble.FULL, full));
    }

    @Test
    void postgresqlStatesAreClassifiedByClass() {
        assertThat(StorageTrouble.of(wrapped(new SQLException("disk full", "53100")))).contains(StorageTrouble.FULL);
        assertThat(StorageTrouble.of(wrapped(new SQLException("out of memory", "53200")))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(new SQLException("too many connections", "53300")))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(new SQLException("connection failure", "08006")))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(new SQLException("connection refused", "08001")))).contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(new SQLException("the database system is starting up", "57P03"))))
                .contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(wrapped(new SQLException("deadlock detected", "40P01")))).contains(StorageTrouble.BUSY);
    }

    @Test
    void springsResourceAndTransientExceptionsAreStorageTrouble() {
        assertThat(StorageTrouble.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
                .contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("sqlite - Connection is not available, request timed out after 120000ms."))))
                .contains(StorageTrouble.UNAVAILABLE);
        assertThat(StorageTrouble.of(new CannotAcquireLockException("lock"))).contains(StorageTrouble.BUSY);
    }

    @Test
    void theMostSpecificTroubleInTheChainWins() {
        // the pool reports the connection broken, the driver says why: the disk is full
        SQLException full = new SQLException("could not write to file: No space left on device", "53100");
        assertThat(StorageTrouble.of(new CannotGetJdbcConnectionException("Failed", full))).contains(StorageTrouble.FULL);
    }

    @Test
    void bugsAndBadDataAreNotStorageTrouble() {
        assertThat(StorageTrouble.of(new IllegalStateException("no"))).isEmpty();
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)))).isEmpty();
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_ERROR)))).isEmpty();
        assertThat(StorageTrouble.of(wrapped(sqlite(SQLiteErrorCode.SQLITE_CORRUPT)))).isEmpty();
        assertThat(StorageTrouble.of(new DataIntegrityViolationException("dup",
                new SQLIntegrityConstraintViolationException("duplicate key", "23505")))).isEmpty();
        assertThat(StorageTrouble.of(wrapped(new SQLException("syntax error at or near", "42601")))).isEmpty();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(StorageTrouble.of(a)).isEmpty();
    }
}
