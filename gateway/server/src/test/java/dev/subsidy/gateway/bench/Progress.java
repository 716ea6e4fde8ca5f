package dev.subsidy.gateway.bench;

import java.util.concurrent.atomic.AtomicLong;

/** A line every tenth of a step, so a long run shows it is alive and how far it got. */
final class Progress {

    private final String what;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong printed = new AtomicLong();
    private final long started = System.nanoTime();

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void step() {
        at(done.incrementAndGet());
    }

    /** Records that {@code now} units are done; returns it, so a poll can report and test in one expression. */
    long at(long now) {
        long tenth = total == 0 ? 10 : now * 10 / total;
        long before = printed.get();
        if (tenth > before && printed.compareAndSet(before, tenth)) {
            System.out.printf("  ... %s: %,d of %,d (%.0f s)%n", what, now, total, (System.nanoTime() - started) / 1e9);
        }
        return now;
    }
}
