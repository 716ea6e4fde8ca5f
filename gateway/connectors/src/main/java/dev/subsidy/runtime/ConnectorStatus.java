package dev.subsidy.runtime;

import java.time.Instant;

/**
 * The runtime state of one connector instance: paused or not, when it is next due, consecutive
 * failures and the last error, the last success. Changed by the timer thread of its route, by
 * HTTP threads (run now, pause, resume, pushes) and read by the list endpoint: every method is
 * synchronized, and {@link #snapshot()} hands out an immutable copy.
 */
public final class ConnectorStatus {

    /** An immutable reading of the status. */
    public record Snapshot(ConnectorState state, boolean paused, int failures, String lastError, Instant lastErrorAt,
                           Instant lastSuccess, Instant nextRunAt) {}

    private final String unusable;
    private boolean paused;
    private int failures;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastSuccess;
    private Instant dueAt;
    /** Runs in progress: one at a time per route, but a replaced instance's last run may still be ending. */
    private int running;
    /** An operator's change that needs no run in progress (a checkpoint reset) is being made: no run starts. */
    private boolean held;
    /** Why it no longer runs (deleted, or its route could not start), or null. */
    private String stopped;
    /** What the run in progress has done so far, when its route tells (a pull run's pages), or null. */
    private RunTally current;

    /**
     * @param unusable why the definition cannot run (its problems), or null when it can
     * @param firstRun when a pull connector first polls
     */
    public ConnectorStatus(boolean paused, String unusable, Instant firstRun) {
        this.paused = paused;
        this.unusable = unusable;
        this.dueAt = firstRun;
        if (unusable != null) {
            this.lastError = unusable;
            this.lastErrorAt = firstRun;
        }
    }

    public synchronized boolean isDue(Instant now) {
        return !paused && unusable == null && stopped == null && !held && !dueAt.isAfter(now);
    }

    /**
     * Starts a run when one is due, in one step: nothing (a hold, a pause) can come between the check
     * and the start. RUNNING until {@link #runEnded()}.
     */
    public synchronized boolean startIfDue(Instant now) {
        if (!isDue(now)) {
            return false;
        }
        running++;
        return true;
    }

    /**
     * Holds off new runs while no run is in progress, for a change a run must not overlap (its commit would
     * write over it); {@link #release()} ends the hold.
     *
     * @return false, holding nothing, when a run is in progress
     */
    public synchronized boolean holdIfIdle() {
        if (running > 0) {
            return false;
        }
        held = true;
        return true;
    }

    public synchronized void release() {
        held = false;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public boolean isUsable() {
        return unusable == null;
    }

    /**
     * A run stored what it read.
     *
     * @param next when to run again: after the schedule, or at once when a backlog remains
     */
    public synchronized void succeeded(Instant now, Instant next) {
        failures = 0;
        lastSuccess = now;
        dueAt = next;
    }

    /** A push was stored. */
    public synchronized void received(Instant now) {
        lastSuccess = now;
    }

    /**
     * A run failed: FAILING until a run succeeds.
     *
     * @param error the error, already stripped of secrets
     * @return the number of consecutive failures, this one included
     */
    public synchronized int failed(Instant now, String error) {
        failures++;
        lastError = error;
        lastErrorAt = now;
        return failures;
    }

    /** When the next attempt after a failure is due. */
    public synchronized void retryAt(Instant at) {
        dueAt = at;
    }

    /** A push that could not be taken: shown as the last error without making the connector FAILING. */
    public synchronized void refused(Instant now, String error) {
        lastError = error;
        lastErrorAt = now;
    }

    /** Due at once (run now, resume). */
    public synchronized void runNow(Instant now) {
        dueAt = now;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume(Instant now) {
        paused = false;
        dueAt = now;
    }

    /** A run (a poll loop, a file) begins: RUNNING until {@link #runEnded()}. */
    public synchronized void runStarted() {
        running++;
    }

    public synchronized void runEnded() {
        running = Math.max(0, running - 1);
        current = null;
    }

    /** The run that has just started reports its progress through this tally until {@link #runEnded()}. */
    public synchronized void tracking(RunTally tally) {
        current = tally;
    }

    /** How far the run in progress has got, when a run is in progress and its route tells. */
    public synchronized java.util.Optional<RunTally.Progress> runProgress() {
        return running > 0 && current != null ? java.util.Optional.of(current.progress()) : java.util.Optional.empty();
    }

    public synchronized boolean isRunning() {
        return running > 0;
    }

    /** It will never run again (deleted, or its route could not start): STOPPED, with the reason as its last error. */
    public synchronized void stopped(Instant now, String reason) {
        stopped = reason;
        lastError = reason;
        lastErrorAt = now;
    }

    /** Keeps the last success known from before a restart or a replacement. */
    public synchronized void lastSuccessAtLeast(Instant when) {
        if (when != null && (lastSuccess == null || when.isAfter(lastSuccess))) {
            lastSuccess = when;
        }
    }

    public synchronized Snapshot snapshot() {
        ConnectorState state = stopped != null ? ConnectorState.STOPPED
                : paused ? ConnectorState.PAUSED
                // a retry of a failing connector is still FAILING: monitoring must not flap to RUNNING and back
                : unusable != null || failures > 0 ? ConnectorState.FAILING
                : running > 0 ? ConnectorState.RUNNING : ConnectorState.IDLE;
        return new Snapshot(state, paused, failures, lastError, lastErrorAt, lastSuccess,
                unusable == null && stopped == null ? dueAt : null);
    }
}
