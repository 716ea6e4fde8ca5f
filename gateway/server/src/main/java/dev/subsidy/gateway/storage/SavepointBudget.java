package dev.subsidy.gateway.storage;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many write savepoints the current transaction may still take. Each one that writes is a subtransaction
 * with an id of its own, and PostgreSQL keeps at most 64 of them per transaction where other sessions look;
 * past that, every snapshot taken meanwhile must look its rows' visibility up in {@code pg_subtrans}, which
 * slows every reader of the database for as long as the transaction runs. A body of 64 MiB is about 120
 * chunks, so the optimistic COPY stops taking savepoints well before that.
 */
final class SavepointBudget {

    /** Well under PostgreSQL's 64 cached subtransactions, leaving room for savepoints taken elsewhere. */
    static final int PER_TRANSACTION = 32;

    private static final Object KEY = new Object();

    private SavepointBudget() {}

    /** True, and one fewer left, when the transaction may take another; true outside a managed transaction. */
    static boolean take() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        AtomicInteger taken = (AtomicInteger) TransactionSynchronizationManager.getResource(KEY);
        if (taken == null) {
            taken = new AtomicInteger();
            TransactionSynchronizationManager.bindResource(KEY, taken);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return taken.incrementAndGet() <= PER_TRANSACTION;
    }
}
