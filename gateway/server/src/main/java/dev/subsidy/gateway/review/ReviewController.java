package dev.subsidy.gateway.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.storage.review.JdbcReviewBook;
import dev.subsidy.gateway.storage.review.JdbcReviewQueue;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.UnreadableBodyException;
import dev.subsidy.model.RecordKind;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue (复核, docs/api.md "Review"): {@code GET /api/v1/review/suspects} lists the records
 * waiting for a reviewer, {@code GET /api/v1/review/rules} counts them per rule, and
 * {@code POST /api/v1/review/decisions} accepts or rejects one, many, or all a filter takes.
 */
@RestController
class ReviewController {

    /** Ten thousand named records with a reason fit in far less; a larger body is a mistake. */
    private static final long MAX_BODY = 2L * 1024 * 1024;
    private static final int DEFAULT_SIZE = 100;
    private static final int MAX_SIZE = 1000;

    private final JdbcReviewQueue queue;
    private final JdbcReviewBook book;
    private final ReviewDesk desk;
    private final ObjectMapper json;

    ReviewController(JdbcReviewQueue queue, JdbcReviewBook book, ReviewDesk desk, ObjectMapper json) {
        this.queue = queue;
        this.book = book;
        this.desk = desk;
        this.json = json;
    }

    /** A suspect with every finding against it and the latest decision on it, if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuspectView(String kind, String key, String status, String period, String subject,
                       List<FindingView> findings, DecisionView decision) {}

    record SuspectPage(int page, int size, long total, List<SuspectView> items) {}

    record RuleView(String rule, int flagged, int inQueue) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RulesReply(String period, List<RuleView> rules) {}

    @GetMapping("/api/v1/review/suspects")
    SuspectPage suspects(@RequestParam(required = false) String period, @RequestParam(required = false) String rule,
                         @RequestParam(required = false) String subject, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<String> problems = new ArrayList<>();
        JdbcReviewQueue.Filter filter = new JdbcReviewQueue.Filter(QueueFilters.kind(kind, problems),
                QueueFilters.rule(rule, problems), QueueFilters.subject(subject, problems),
                QueueFilters.months(period, problems));
        int p = QueueFilters.number("page", page, 0, 0, 1_000_000, problems);
        int s = QueueFilters.number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        JdbcReviewQueue.Page found = queue.suspects(filter, p, s);
        Map<RecordKind, Map<String, JdbcReviewBook.Decision>> latest = new HashMap<>();
        for (RecordKind k : RecordKind.values()) {
            List<String> keys = found.items().stream().filter(f -> f.kind() == k).map(JdbcReviewQueue.Flagged::key).toList();
            latest.put(k, keys.isEmpty() ? Map.of() : book.latest(k, keys));
        }
        List<SuspectView> items = found.items().stream().map(f -> {
            JdbcReviewBook.Decision d = latest.get(f.kind()).get(f.key());
            return new SuspectView(f.kind().wireName(), f.key(), f.status(), f.period(), f.subject(),
                    f.findings().stream().map(FindingView::of).toList(), d == null ? null : DecisionView.of(d, f.contentHash()));
        }).toList();
        return new SuspectPage(p, s, found.total(), items);
    }

    @GetMapping("/api/v1/review/rules")
    RulesReply rules(@RequestParam(required = false) String period) {
        List<String> problems = new ArrayList<>();
        List<String> months = QueueFilters.months(period, problems);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return new RulesReply(period == null ? null : period.strip(), queue.rules(months).stream()
                .map(r -> new RuleView(r.rule(), r.flagged(), r.inQueue())).toList());
    }

    @PostMapping("/api/v1/review/decisions")
    ReviewDesk.Outcome decide(HttpServletRequest request, Principal principal) {
        byte[] body = RequestBodies.read(request, MAX_BODY);
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        // the authenticated caller's name (security/Caller): the administrator's token reads "admin"
        return desk.decide(DecisionRequestReader.read(root), principal.getName());
    }
}
