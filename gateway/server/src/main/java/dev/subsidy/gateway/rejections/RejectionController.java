package dev.subsidy.gateway.rejections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.web.ApiError;
import dev.subsidy.gateway.web.BadRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rejected records as a dead-letter queue (docs/api.md "Rejected records", administrator only): listed
 * newest first with their replay state, and replayed after a fix of a mapping or the registry.
 */
@RestController
@RequestMapping("/api/v1/rejections")
class RejectionController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    private static final Set<String> REPLAY_FIELDS = Set.of("connector", "batch", "since");

    private final RejectionBook book;
    private final RejectionReplay replay;

    RejectionController(RejectionBook book, RejectionReplay replay) {
        this.book = book;
        this.replay = replay;
    }

    record Page<T>(int page, int size, long total, List<T> items) {}

    @GetMapping
    Page<RejectionBook.Listed> list(@RequestParam(required = false) String connector,
                                    @RequestParam(required = false) String batch,
                                    @RequestParam(required = false) String reason,
                                    @RequestParam(required = false) String replayed,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(required = false) String size) {
        int p = number("page", page, 0, 0, 1_000_000);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        RejectionBook.Page found = book.list(new RejectionBook.Filter(blankToNull(connector), blankToNull(batch),
                blankToNull(reason), flag(replayed)), p, s);
        return new Page<>(p, s, found.total(), found.items());
    }

    /** One rejection a replay left not stored: the rejection replayed, and why it is still not stored. */
    record StillRejected(String batch, int index, String outcome, String reason) {}

    record Replayed(long replayed, int accepted, int duplicates, List<StillRejected> stillRejected,
                    long stillRejectedCount, String batch) {}

    @PostMapping("/replay")
    Replayed replay(@RequestBody JsonNode body) {
        RejectionReplay.Result r = replay.replay(request(body));
        return new Replayed(r.replayed(), r.accepted(), r.duplicates(), r.stillRejected().stream()
                .map(n -> new StillRejected(n.batch(), n.index(), n.outcome(), n.reason())).toList(),
                r.stillRejectedCount(), r.batch());
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ResponseEntity<ApiError> refused(ReplayRefusedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, e.getMessage()));
    }

    static ReplayRequest request(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("a replay is a JSON object: {\"connector\": \"…\", \"batch\": \"…\", \"since\": \"2026-10-01T00:00:00+08:00\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REPLAY_FIELDS.contains(name)) {
                throw new BadRequestException("unknown field '" + name + "': a replay takes connector, batch and since");
            }
        }
        String connector = text(body, "connector");
        if (connector == null) {
            throw new BadRequestException("connector is required: the connector whose rejections to replay");
        }
        String since = text(body, "since");
        return new ReplayRequest(connector, text(body, "batch"), since == null ? null : instant(since));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException(field + " must be a non-blank string");
        }
        return value.asText().strip();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO instant with its offset (2026-10-01T00:00:00+08:00), not '"
                    + text + "'");
        }
    }

    private static Boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("replayed must be true or false, not '" + value + "'");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int number(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the bounds
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
