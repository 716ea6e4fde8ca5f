package dev.subsidy.gateway.awards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.figures.FigureValue;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks one entered figure against the registry and the engine's metrics, collecting every problem.
 * Only {@link Metric.Source#ADMIN} metrics may be entered: a feed metric entered by hand would sit
 * beside the measured one and the engine could not tell which to pay on.
 */
final class FigureEntryReader {

    /** Values are stored as VARCHAR(24); nothing a county pays on comes near this. */
    private static final int MAX_NOTE = 2000;
    private static final String ENTERABLE = String.join(", ",
            Arrays.stream(Metric.values()).filter(m -> m.source() == Metric.Source.ADMIN).map(Enum::name).toList());

    private final Function<String, Optional<Subject>> registry;

    FigureEntryReader(Function<String, Optional<Subject>> registry) {
        this.registry = registry;
    }

    /** The entry, or null with the problems filled in. */
    FigureEntry read(JsonNode in, List<String> problems) {
        if (in == null || !in.isObject()) {
            problems.add("entry is not a JSON object");
            return null;
        }
        int before = problems.size();
        Subject subject = subject(text(in, "subject", problems), problems);
        Metric metric = metric(text(in, "metric", problems), problems);
        String period = period(text(in, "period", problems), problems);
        BigDecimal value = FigureValue.read(in.get("value"), metric, "a decimal string such as \"2500000.00\"", problems);
        String note = in.hasNonNull("note") ? in.get("note").asText().strip() : null;
        if (note != null && note.length() > MAX_NOTE) {
            problems.add("note: longer than " + MAX_NOTE + " characters");
        }
        if (subject != null && metric != null && !metric.appliesTo(SubjectType.valueOf(subject.type().name()))) {
            problems.add("metric: " + metric + " is not entered for " + subject.type() + " subjects");
        }
        if (problems.size() > before) {
            return null;
        }
        return new FigureEntry(subject.id(), metric, period, value, note == null || note.isEmpty() ? null : note);
    }

    private static String text(JsonNode in, String field, List<String> problems) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            problems.add(field + ": missing");
            return null;
        }
        if (!v.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return v.asText().strip();
    }

    private Subject subject(String id, List<String> problems) {
        if (id == null) {
            return null;
        }
        Optional<Subject> found = registry.apply(id);
        if (found.isEmpty()) {
            problems.add("subject: '" + id + "' is not in the registry");
        }
        return found.orElse(null);
    }

    private static Metric metric(String name, List<String> problems) {
        if (name == null) {
            return null;
        }
        Metric metric;
        try {
            metric = Metric.valueOf(name);
        } catch (IllegalArgumentException e) {
            problems.add("metric: unknown metric '" + name + "' (enterable: " + ENTERABLE + ")");
            return null;
        }
        if (metric.source() != Metric.Source.ADMIN) {
            problems.add("metric: " + name + " is measured from feeds and cannot be entered (enterable: " + ENTERABLE + ")");
            return null;
        }
        return metric;
    }

    private static String period(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Period.parse(text).toString();
        } catch (IllegalArgumentException e) {
            problems.add("period: " + e.getMessage());
            return null;
        }
    }
}
