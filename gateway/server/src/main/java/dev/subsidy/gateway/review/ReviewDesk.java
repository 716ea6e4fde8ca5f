package dev.subsidy.gateway.review;

import dev.subsidy.gateway.period.CloseSummary;
import dev.subsidy.gateway.period.PeriodCloser;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.review.JdbcReviewBook;
import dev.subsidy.gateway.storage.review.JdbcReviewQueue;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Review;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes reviewers' decisions (docs/verification.md "Review queue"): checks each record can be
 * decided, keeps the decisions with the content hash they were taken on (committed on their own,
 * under the write lock), then closes again every period whose figures the records count in, so the
 * figures are revised and the revision is queued with the award lines it changes. A close that fails
 * leaves the decisions kept: the next close of the period applies them.
 */
@Service
class ReviewDesk {

    private final TransactionTemplate transactions;
    private final WriteLock writeLock;
    private final JdbcReviewQueue queue;
    private final JdbcReviewBook book;
    private final PeriodCloser closer;
    private final Clock clock;

    ReviewDesk(TransactionTemplate transactions, WriteLock writeLock, JdbcReviewQueue queue, JdbcReviewBook book,
               PeriodCloser closer, Clock clock) {
        this.transactions = transactions;
        this.writeLock = writeLock;
        this.queue = queue;
        this.book = book;
        this.closer = closer;
        this.clock = clock;
    }

    /** A record decided, and the month its findings were made in ("-" for an order without a payment time). */
    record Decided(String kind, String key, String period) {}

    record Outcome(String decision, String reviewer, List<Decided> decided, List<DecisionRequest.Refused> rejected,
                   List<CloseSummary> reclosed) {}

    private record Taken(List<Decided> decided, List<DecisionRequest.Refused> refused) {}

    Outcome decide(DecisionRequest request, String reviewer) {
        Taken taken = writeLock.queued(() -> transactions.execute(tx -> {
            writeLock.acquire();
            return request.filter() != null ? byFilter(request, reviewer) : named(request, reviewer);
        }));
        List<CloseSummary> reclosed = new ArrayList<>();
        for (Period period : periodsToClose(taken.decided())) {
            reclosed.add(closer.close(period));
        }
        return new Outcome(request.outcome().name().toLowerCase(Locale.ROOT), reviewer, taken.decided(),
                taken.refused(), reclosed);
    }

    private Taken byFilter(DecisionRequest request, String reviewer) {
        Instant now = clock.instant();
        JdbcReviewQueue.Filter f = request.filter();
        JdbcReviewBook.Via via = new JdbcReviewBook.Via(f.rule(), f.subject(), request.period().strip());
        List<JdbcReviewBook.Decision> decisions = new ArrayList<>();
        List<Decided> decided = new ArrayList<>();
        for (JdbcReviewQueue.Flagged s : queue.allSuspects(f)) {
            decisions.add(new JdbcReviewBook.Decision(review(request, reviewer, now, s), via));
            decided.add(new Decided(s.kind().wireName(), s.key(), s.period()));
        }
        book.append(decisions);
        return new Taken(decided, List.of());
    }

    private Taken named(DecisionRequest request, String reviewer) {
        Instant now = clock.instant();
        Map<RecordKind, Map<String, JdbcReviewQueue.Flagged>> found = new HashMap<>();
        Map<RecordKind, Map<String, Review>> latest = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            List<String> keys = request.named().stream().filter(n -> n.kind() == kind).map(DecisionRequest.Named::key)
                    .toList();
            found.put(kind, keys.isEmpty() ? Map.of() : queue.records(kind, keys));
            latest.put(kind, keys.isEmpty() ? Map.of() : book.decisions(kind, keys));
        }
        List<DecisionRequest.Refused> refused = new ArrayList<>(request.refused());
        List<JdbcReviewBook.Decision> decisions = new ArrayList<>();
        List<Decided> decided = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DecisionRequest.Named n : request.named()) {
            JdbcReviewQueue.Flagged record = found.get(n.kind()).get(n.key());
            String why = !seen.add(n.kind().wireName() + " " + n.key()) ? "listed more than once: decided once"
                    : whyNot(request.outcome(), n, record, latest.get(n.kind()).get(n.key()));
            if (why != null) {
                refused.add(new DecisionRequest.Refused(n.index(), n.kind().wireName(), n.key(), why));
                continue;
            }
            decisions.add(new JdbcReviewBook.Decision(review(request, reviewer, now, record), null));
            decided.add(new Decided(n.kind().wireName(), n.key(), record.period()));
        }
        book.append(decisions);
        refused.sort(Comparator.comparing(DecisionRequest.Refused::index));
        return new Taken(decided, refused);
    }

    /** Why this record cannot take the decision, or null when it can. */
    private static String whyNot(Review.Outcome outcome, DecisionRequest.Named n, JdbcReviewQueue.Flagged record,
                                 Review latest) {
        if (record == null) {
            return "no " + n.kind().wireName() + " '" + n.key() + "' (keys are CARRIER:waybillNo or PLATFORM:orderId)";
        }
        if (record.findings().isEmpty()) {
            return "not flagged: no rule found anything against it at its last close (status " + record.status()
                    + "); there is nothing to review";
        }
        List<String> ineligible = record.findings().stream().filter(f -> f.outcome() == RecordStatus.REJECTED)
                .map(Finding::rule).distinct().toList();
        if (outcome == Review.Outcome.ACCEPT && !ineligible.isEmpty()) {
            return "REJECTED by " + String.join(", ", ineligible)
                    + ": registry and jurisdiction are not a reviewer's call, acceptance cannot make it count";
        }
        if (latest != null && latest.outcome() == outcome && latest.holdsFor(record.contentHash())) {
            return "already " + (outcome == Review.Outcome.ACCEPT ? "accepted" : "rejected") + " on this content by "
                    + latest.reviewer() + " at " + latest.decidedAt();
        }
        return null;
    }

    private static Review review(DecisionRequest request, String reviewer, Instant now, JdbcReviewQueue.Flagged record) {
        return new Review(record.kind(), record.key(), request.outcome(), request.reason(), reviewer, now,
                record.contentHash());
    }

    /**
     * The periods whose figures count the decided records: of each record's month, quarter and year
     * those closed before (figures exist only for closed periods); its month when none was. Months
     * first, then quarters, then years, so each longer period is closed over revised months.
     */
    private List<Period> periodsToClose(List<Decided> decided) {
        Set<Period> months = decided.stream().map(Decided::period).filter(p -> p != null && !p.equals("-"))
                .map(Period::parse).collect(Collectors.toCollection(TreeSet::new));
        Set<String> candidates = new LinkedHashSet<>();
        months.forEach(m -> candidates.addAll(around(m).stream().map(Period::toString).toList()));
        Set<String> closedBefore = candidates.isEmpty() ? Set.of() : queue.closed(candidates);
        Set<Period> chosen = new HashSet<>();
        for (Period month : months) {
            List<Period> closed = around(month).stream().filter(p -> closedBefore.contains(p.toString())).toList();
            chosen.addAll(closed.isEmpty() ? List.of(month) : closed);
        }
        return chosen.stream().sorted(Comparator.comparing((Period p) -> p.granularity().ordinal()).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    private static List<Period> around(Period month) {
        return Period.allOf(month.start());
    }
}
