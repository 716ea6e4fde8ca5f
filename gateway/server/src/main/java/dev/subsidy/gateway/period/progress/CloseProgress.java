package dev.subsidy.gateway.period.progress;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a period close tells of its progress (docs/api.md "Periods, figures and awards"): the phase it is in with the work
 * the phase has, each step of that work, and how it ended. Kept this small on purpose: the close's
 * internals may change, and only these calls are woven into them.
 */
public interface CloseProgress {

    /** Reports nothing: for closes no one watches. */
    CloseProgress NONE = new CloseProgress() {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void advanced(long n) {
        }

        @Override
        public void finished() {
        }

        @Override
        public void failed(String reason) {
        }
    };

    /**
     * A new phase begins; what the previous phase had done counts as complete.
     *
     * @param name what the close is doing, in a few words ("verifying", "marking statuses")
     * @param total the units of work of the phase (records, figures), 0 when it cannot be counted up front
     */
    void phase(String name, long total);

    /** {@code n} more units of the current phase are done. */
    void advanced(long n);

    /** The close committed. */
    void finished();

    /** The close ended without committing; nothing of it was kept. */
    void failed(String reason);

    /**
     * Runs {@code work} over {@code items} a chunk at a time, advancing after each: long writes show
     * their progress without the caller counting.
     */
    default <T> void inChunks(List<T> items, int chunk, Consumer<List<T>> work) {
        for (int from = 0; from < items.size(); from += chunk) {
            List<T> part = items.subList(from, Math.min(items.size(), from + chunk));
            work.accept(part);
            advanced(part.size());
        }
    }
}
