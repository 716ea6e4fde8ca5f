package dev.subsidy.intake;

/**
 * Work that must commit with a batch of records or not at all: a pull connector's checkpoint. Runs
 * inside the intake's transaction, after the records are written and before the commit, on the
 * intake's connection (use the same JdbcTemplate). Throwing rolls back the records too, so a
 * checkpoint can never move past records that were not stored, nor records be stored under a
 * checkpoint that did not move.
 */
@FunctionalInterface
public interface IntakeCommitHook {

    /** Nothing to add: the feed endpoint's case. */
    IntakeCommitHook NONE = receipt -> { };

    /** @param receipt what the batch stored, not yet committed */
    void beforeCommit(IntakeReceipt receipt);
}
