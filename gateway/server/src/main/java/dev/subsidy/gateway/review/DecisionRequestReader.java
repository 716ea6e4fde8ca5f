package dev.subsidy.gateway.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.storage.review.JdbcReviewQueue;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.Review;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a decision body. A wrong body as a whole (no decision, no reason, neither or both of
 * {@code records} and {@code rule}, an unknown field) is a 400 listing every problem; an entry of
 * {@code records} that cannot be read is refused on its own, the others are still decided.
 */
final class DecisionRequestReader {

    static final int MAX_REASON = 500;
    static final int MAX_RECORDS = 10_000;
    /** Natural keys are stored as VARCHAR(160). */
    private static final int MAX_KEY = 160;
    private static final Set<String> FIELDS = Set.of("decision", "reason", "records", "rule", "subject", "period", "kind");

    private DecisionRequestReader() {}

    static DecisionRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body must be a JSON object: {\"decision\": \"accept\" or \"reject\", \"reason\", "
                    + "and either \"records\": [{\"kind\", \"key\"}] or \"rule\" and \"period\" (\"subject\", \"kind\" optional)}");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(name + ": unknown field (decision, reason, records, rule, subject, period, kind)");
            }
        }
        Review.Outcome outcome = outcome(body.get("decision"), problems);
        String reason = reason(body.get("reason"), problems);
        JsonNode records = body.get("records");
        boolean byFilter = body.has("rule") || body.has("subject") || body.has("period") || body.has("kind");
        List<DecisionRequest.Named> named = new ArrayList<>();
        List<DecisionRequest.Refused> refused = new ArrayList<>();
        JdbcReviewQueue.Filter filter = null;
        String period = null;
        if (records != null && byFilter) {
            problems.add("records: give either records or a filter (rule, subject, period, kind), not both");
        } else if (records != null) {
            readRecords(records, named, refused, problems);
        } else if (byFilter) {
            String rule = QueueFilters.rule(text(body, "rule", problems), problems);
            if (rule == null && !body.hasNonNull("rule")) {
                problems.add("rule: missing (a bulk decision takes the suspects of one rule)");
            }
            period = text(body, "period", problems);
            List<String> months = QueueFilters.months(period, problems);
            if (period == null) {
                problems.add("period: missing (a bulk decision takes the suspects of one period: 2026-11, 2026-Q4 or 2026)");
            }
            filter = new JdbcReviewQueue.Filter(QueueFilters.kind(text(body, "kind", problems), problems), rule,
                    QueueFilters.subject(text(body, "subject", problems), problems), months);
        } else {
            problems.add("records: missing (name the records, or give a rule and period to decide all their suspects)");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return new DecisionRequest(outcome, reason, named, refused, filter, period);
    }

    private static Review.Outcome outcome(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) {
            problems.add("decision: missing (accept or reject)");
            return null;
        }
        String text = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "accept" -> Review.Outcome.ACCEPT;
            case "reject" -> Review.Outcome.REJECT;
            default -> {
                problems.add("decision: " + node + " is neither accept nor reject");
                yield null;
            }
        };
    }

    private static String reason(JsonNode node, List<String> problems) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            problems.add("reason: missing (say why, in up to " + MAX_REASON + " characters; it is kept with the decision)");
            return null;
        }
        if (!node.isTextual()) {
            problems.add("reason: must be a string");
            return null;
        }
        String reason = node.asText().strip();
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            problems.add("reason: longer than " + MAX_REASON + " characters");
            return null;
        }
        return reason;
    }

    private static void readRecords(JsonNode records, List<DecisionRequest.Named> named,
                                    List<DecisionRequest.Refused> refused, List<String> problems) {
        if (!records.isArray() || records.isEmpty()) {
            problems.add("records: must be a non-empty array of {\"kind\": \"shipment\" or \"order\", \"key\"}");
            return;
        }
        if (records.size() > MAX_RECORDS) {
            problems.add("records: " + records.size() + " records, at most " + MAX_RECORDS + " in one request");
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode entry = records.get(i);
            if (!entry.isObject()) {
                refused.add(new DecisionRequest.Refused(i, null, null, "not a JSON object {\"kind\", \"key\"}"));
                continue;
            }
            String kindText = entry.path("kind").isTextual() ? entry.get("kind").asText().strip() : null;
            String given = entry.path("key").isTextual() ? entry.get("key").asText().strip() : null;
            // keys are stored in NFKC (intake's one form): a full-width waybill number finds its parcel
            String key = given == null ? null : Normalizer.normalize(given, Normalizer.Form.NFKC);
            List<String> wrong = new ArrayList<>();
            RecordKind kind = kindText == null ? null : QueueFilters.kind(kindText, wrong);
            if (kindText == null) {
                wrong.add("kind: missing (shipment or order)");
            }
            if (key == null || key.isEmpty()) {
                wrong.add("key: missing (CARRIER:waybillNo or PLATFORM:orderId)");
            } else if (key.length() > MAX_KEY) {
                wrong.add("key: longer than " + MAX_KEY + " characters");
            }
            if (wrong.isEmpty()) {
                named.add(new DecisionRequest.Named(i, kind, key));
            } else {
                refused.add(new DecisionRequest.Refused(i, kindText, key == null || key.length() > MAX_KEY ? null : key,
                        String.join("; ", wrong)));
            }
        }
    }

    private static String text(JsonNode body, String field, List<String> problems) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return v.asText();
    }
}
