package dev.subsidy.gateway.review;

import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the parts of a queue filter a reviewer writes (query parameters or a bulk decision's body),
 * adding a problem that names the part for each one that is wrong, so one reply lists them all.
 */
final class QueueFilters {

    /** Rule ids as docs/verification.md writes them: {@code waybill.shape}, {@code brushing.uniform-burst}. */
    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    /** As long as a subject id may be stored ({@code record_finding.subject_id}). */
    private static final int MAX_SUBJECT = 64;

    private QueueFilters() {}

    /** The months the period covers ({@code 2026-Q4}: its three months), or null when none was given. */
    static List<String> months(String period, List<String> problems) {
        if (period == null) {
            return null;
        }
        try {
            return Period.parse(period.strip()).months();
        } catch (IllegalArgumentException e) {
            problems.add("period: " + e.getMessage());
            return null;
        }
    }

    static String rule(String rule, List<String> problems) {
        if (rule == null) {
            return null;
        }
        String r = rule.strip();
        if (!RULE.matcher(r).matches()) {
            problems.add("rule: '" + rule + "' is not a rule id (lower-case, as in waybill.shape or brushing.uniform-burst)");
            return null;
        }
        return r;
    }

    static String subject(String subject, List<String> problems) {
        if (subject == null) {
            return null;
        }
        String s = subject.strip();
        if (s.isEmpty() || s.length() > MAX_SUBJECT) {
            problems.add("subject: must be a subject id of 1 to " + MAX_SUBJECT + " characters");
            return null;
        }
        return s;
    }

    static RecordKind kind(String kind, List<String> problems) {
        if (kind == null) {
            return null;
        }
        try {
            return RecordKind.fromWire(kind.strip());
        } catch (IllegalArgumentException e) {
            problems.add("kind: " + e.getMessage());
            return null;
        }
    }

    /** A whole number within the bounds, or the fallback when none was given. */
    static int number(String name, String value, int fallback, int min, int max, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below with the bounds
        }
        problems.add(name + ": '" + value + "' is not a whole number from " + min + " to " + max);
        return fallback;
    }
}
