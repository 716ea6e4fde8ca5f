package dev.subsidy.gateway.rejections;

import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.RecordReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay batch's records, read from the queue a page at a time inside the intake's transaction, so
 * that a million rejections are never held at once. Each rejection read is marked with the replay before
 * its records are handed on: the next page (and any later replay) no longer sees it.
 */
final class ReplayReader implements RecordReader {

    private static final Logger log = LoggerFactory.getLogger(ReplayReader.class);

    private final RejectionBook book;
    private final RawReplay raw;
    private final ReplayRequest request;
    private final String replay;
    private final Instant at;
    private final int page;
    private final long progressEvery;
    private RejectionBook.After after;
    private boolean exhausted;
    private long taken;
    private int nextIndex;

    /**
     * @param replay the mark of this replay until its batch is known
     * @param page rejections read per query
     * @param progressEvery a log line each time this many more rejections are taken
     */
    ReplayReader(RejectionBook book, RawReplay raw, ReplayRequest request, String replay, Instant at, int page,
                 long progressEvery) {
        this.book = book;
        this.raw = raw;
        this.request = request;
        this.replay = replay;
        this.at = at;
        this.page = page;
        this.progressEvery = progressEvery;
    }

    @Override
    public List<BodyRecord> next(int max) {
        List<BodyRecord> out = new ArrayList<>();
        // a page of rejections none of which can be replayed is no end: read on until records come or the queue does
        while (out.isEmpty() && !exhausted) {
            List<RejectionBook.Pending> pending = book.pending(request.connector(), request.batch(), request.since(), after,
                    Math.min(page, Math.max(1, max)));
            if (pending.isEmpty()) {
                exhausted = true;
                break;
            }
            List<RejectionBook.Mark> marks = new ArrayList<>(pending.size());
            for (RejectionBook.Pending p : pending) {
                RawReplay.Remade remade = raw.remake(p, nextIndex);
                RejectionBook.Outcome outcome = remade.notReplayable() != null ? RejectionBook.Outcome.NOT_REPLAYABLE
                        : remade.records().isEmpty() ? RejectionBook.Outcome.NOTHING_TO_STORE : RejectionBook.Outcome.STORED;
                marks.add(new RejectionBook.Mark(p, request.connector(), replay, at, nextIndex, remade.records().size(),
                        outcome, remade.notReplayable()));
                out.addAll(remade.records());
                nextIndex += remade.records().size();
                after = p.after();
                taken++;
                if (taken % progressEvery == 0) {
                    log.info("replay of connector {}: {} rejections taken so far", request.connector(), taken);
                }
            }
            book.mark(marks);
        }
        return out;
    }

    /** It reads the queue and marks what it takes in the intake's transaction: read on that transaction's thread. */
    @Override
    public boolean readsInTransaction() {
        return true;
    }

    /** Rejections taken so far. */
    long taken() {
        return taken;
    }
}
