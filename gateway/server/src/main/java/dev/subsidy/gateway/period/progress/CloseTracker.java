package dev.subsidy.gateway.period.progress;

import java.time.Clock;
import java.time.Instant;

/** One close's progress: updated by the closing thread, read by whoever asks for the view. */
final class CloseTracker implements CloseProgress {

    private final String period;
    private final Clock clock;
    private final ProgressLine line;
    private final Instant startedAt;
    private String phase = "starting";
    private long done;
    private long total;
    private Instant finishedAt;
    private String outcome;

    CloseTracker(String period, Clock clock, ProgressLine line) {
        this.period = period;
        this.clock = clock;
        this.line = line;
        this.startedAt = clock.instant();
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = Math.max(0, total);
        this.done = 0;
        line.phase(name, this.total);
    }

    @Override
    public synchronized void advanced(long n) {
        done += n;
        line.advanced(done);
    }

    @Override
    public synchronized void finished() {
        end("CLOSED");
    }

    @Override
    public synchronized void failed(String reason) {
        end("FAILED: " + reason);
    }

    private void end(String outcome) {
        if (finishedAt == null) {
            finishedAt = clock.instant();
            this.outcome = outcome;
            line.ended(outcome);
        }
    }

    synchronized CloseProgressView view() {
        return new CloseProgressView(period, phase, done, total, startedAt, finishedAt, outcome);
    }
}
