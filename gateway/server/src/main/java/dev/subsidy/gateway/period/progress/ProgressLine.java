package dev.subsidy.gateway.period.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The log lines of long work: one when a phase begins, then one every few seconds or every so many
 * units, whichever comes first ("close 2026-10: verifying 400,000 of 1,000,000 records (40 %), 12 s"),
 * and one at the end. Never a line per record: a million-record close writes a few dozen lines. Work
 * that is over within those few seconds writes none (its owner logs its result anyway), unless a phase
 * is big enough to be worth announcing. Not thread-safe: its owner serialises the calls.
 */
final class ProgressLine {

    /** Where the lines go: the log in the gateway, a list in tests. */
    @FunctionalInterface
    interface Sink {
        void line(String text);
    }

    private final String subject;
    private final Clock clock;
    private final Sink sink;
    private final Duration every;
    private final long everyUnits;
    private final Instant started;
    private String phase;
    private long total;
    private Instant lastLine;
    private long lastUnits;

    ProgressLine(String subject, Clock clock, Sink sink, Duration every, long everyUnits) {
        this.subject = subject;
        this.clock = clock;
        this.sink = sink;
        this.every = every;
        this.everyUnits = everyUnits;
        this.started = clock.instant();
        this.lastLine = started;
    }

    void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.lastUnits = 0;
        if (pastQuietStart(clock.instant()) || total >= everyUnits) {
            write(0);
        }
    }

    void advanced(long done) {
        Instant now = clock.instant();
        if (Duration.between(lastLine, now).compareTo(every) >= 0 || done - lastUnits >= everyUnits) {
            write(done);
        }
    }

    void ended(String outcome) {
        if (!pastQuietStart(clock.instant()) && !outcome.startsWith("FAILED")) {
            return;
        }
        // the outcome's word in lower case, never its reason: that is quoted as it came
        String said = outcome.startsWith("FAILED") ? "failed" + outcome.substring("FAILED".length())
                : outcome.toLowerCase(Locale.ROOT);
        sink.line(subject + ": " + said + " after " + elapsed(clock.instant()));
    }

    private boolean pastQuietStart(Instant now) {
        return Duration.between(started, now).compareTo(every) >= 0;
    }

    private void write(long done) {
        Instant now = clock.instant();
        lastLine = now;
        lastUnits = done;
        sink.line(subject + ": " + phase + amount(done) + ", " + elapsed(now));
    }

    /** A phase whose work could not be counted up front shows only what it has done, if anything. */
    private String amount(long done) {
        if (total <= 0) {
            return done == 0 ? "" : String.format(Locale.ROOT, " (%,d done)", done);
        }
        return String.format(Locale.ROOT, " %,d of %,d (%d %%)", done, total, done * 100 / total);
    }

    private String elapsed(Instant now) {
        long seconds = Duration.between(started, now).toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
