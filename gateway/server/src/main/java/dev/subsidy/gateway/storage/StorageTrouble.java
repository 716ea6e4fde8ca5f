package dev.subsidy.gateway.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.sqlite.SQLiteException;

/**
 * Whether a failure is the database being full, busy or out of reach rather than a fault of the
 * gateway: the same call can succeed unchanged later, so a client is told to retry instead of seeing
 * a bug. Spring and the pool wrap the driver's {@link SQLException}, so the whole cause chain is read.
 */
public enum StorageTrouble {

    /** No room left: SQLite {@code SQLITE_FULL}, PostgreSQL {@code 53100 disk_full}. */
    FULL("storage is full"),
    /** Another writer held the database past the wait allowed, or the transaction lost a deadlock. */
    BUSY("storage is busy"),
    /** The database cannot be reached or cannot write: connection lost, I/O error, read-only, out of resources. */
    UNAVAILABLE("storage is unavailable");

    // SQLite primary result codes (https://sqlite.org/rescode.html); an extended code keeps its primary in the low byte
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_NOMEM = 7;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    /** The code names SQLite puts at the start of its messages, for an error a wrapper re-threw without its code. */
    private static final List<Map.Entry<String, StorageTrouble>> SQLITE_NAMES = List.of(
            Map.entry("[SQLITE_FULL", FULL),
            Map.entry("[SQLITE_BUSY", BUSY),
            Map.entry("[SQLITE_LOCKED", BUSY),
            Map.entry("[SQLITE_IOERR", UNAVAILABLE),
            Map.entry("[SQLITE_READONLY", UNAVAILABLE),
            Map.entry("[SQLITE_CANTOPEN", UNAVAILABLE),
            Map.entry("[SQLITE_NOMEM", UNAVAILABLE));

    private final String description;

    StorageTrouble(String description) {
        this.description = description;
    }

    /** What a client is told: "storage is full", "storage is busy", "storage is unavailable". */
    public String description() {
        return description;
    }

    /** The storage trouble behind {@code failure}, if any; when causes disagree, FULL wins over BUSY over UNAVAILABLE. */
    public static Optional<StorageTrouble> of(Throwable failure) {
        return diagnose(failure).map(Diagnosis::trouble);
    }

    /** The trouble, and the error in the chain that showed it (for the log: the outer ones rarely say). */
    public record Diagnosis(StorageTrouble trouble, Throwable evidence) {}

    public static Optional<Diagnosis> diagnose(Throwable failure) {
        Diagnosis found = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            StorageTrouble trouble = classify(t);
            if (trouble != null && (found == null || trouble.ordinal() < found.trouble().ordinal())) {
                found = new Diagnosis(trouble, t);
            }
            pending.addAll(related(t));
        }
        return Optional.ofNullable(found);
    }

    /** Where else a failure keeps the error that caused it. */
    private static List<Throwable> related(Throwable t) {
        List<Throwable> related = new ArrayList<>(3);
        if (t.getCause() != null) {
            related.add(t.getCause());
        }
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            // a batch may keep the statement's own error as the "next exception" rather than the cause
            related.add(sql.getNextException());
        }
        if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
            // SQLite rolls a transaction back itself on SQLITE_FULL or SQLITE_IOERR; Spring's own rollback
            // then fails ("no transaction is active") and carries the error that mattered only here
            related.add(tx.getApplicationException());
        }
        return related;
    }

    private static StorageTrouble classify(Throwable t) {
        if (t instanceof SQLiteException sqlite) {
            return sqlite(sqlite.getErrorCode() & 0xff);
        }
        if (t instanceof SQLException sql) {
            return jdbc(sql);
        }
        // Spring's translations, for a chain that does not carry the driver's exception
        if (t instanceof TransientDataAccessResourceException || t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException) {
            return UNAVAILABLE; // CannotGetJdbcConnectionException among them
        }
        if (t instanceof TransientDataAccessException) {
            return BUSY; // QueryTimeoutException, CannotAcquireLockException, a lost deadlock
        }
        return null;
    }

    private static StorageTrouble sqlite(int primaryCode) {
        return switch (primaryCode) {
            case SQLITE_FULL -> FULL;
            case SQLITE_BUSY, SQLITE_LOCKED -> BUSY;
            case SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_NOMEM -> UNAVAILABLE;
            default -> null;
        };
    }

    private static StorageTrouble jdbc(SQLException sql) {
        StorageTrouble byState = sqlState(sql.getSQLState());
        if (byState != null) {
            return byState;
        }
        String message = sql.getMessage();
        if (message != null) {
            for (Map.Entry<String, StorageTrouble> name : SQLITE_NAMES) {
                if (message.contains(name.getKey())) {
                    return name.getValue();
                }
            }
        }
        if (sql instanceof SQLTransactionRollbackException || sql instanceof SQLTimeoutException) {
            return BUSY;
        }
        if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException
                || sql instanceof SQLNonTransientConnectionException) {
            return UNAVAILABLE; // SQLTransientConnectionException among them: the pool gave up waiting
        }
        return null;
    }

    /**
     * SQLSTATE classes of PostgreSQL and the standard: 53 insufficient resources (53100 disk full),
     * 08 connection exceptions, 57P01-57P03 the server shutting down or not yet accepting
     * connections; 40001 and 40P01 a serialization failure or deadlock, 55P03 a lock not available.
     */
    private static StorageTrouble sqlState(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        if (state.equals("53100")) {
            return FULL;
        }
        if (state.startsWith("53") || state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03")) {
            return UNAVAILABLE;
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return BUSY;
        }
        return null;
    }
}
