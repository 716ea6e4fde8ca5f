package dev.subsidy.gateway.awards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a preview request, gathering every problem into one 400 so a drafting administrator fixes them
 * in one round. Figures need no id or revision: they are made up as {@code preview/subject/metric/period},
 * revision 1. Hypothetical subjects take the registry's JSON shape.
 */
final class PreviewRequestReader {

    private final ObjectMapper json;

    PreviewRequestReader(ObjectMapper json) {
        this.json = json;
    }

    /** @throws BadRequestException listing every problem */
    PreviewRequest read(JsonNode body, String policyId) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body must be a JSON object {period, figures, subjects?, priorAwards?}");
        }
        List<String> problems = new ArrayList<>();
        Period period = period(body.get("period"), "period", problems);
        String periodText = period == null ? null : period.toString();
        List<Figure> figures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> figureNodes = array(body, "figures", true, problems);
        for (int i = 0; i < figureNodes.size(); i++) {
            Figure f = figure(figureNodes.get(i), "figures[" + i + "]", periodText, problems);
            if (f != null && !seen.add(f.figureId())) {
                problems.add("figures[" + i + "]: " + f.metric() + " of " + f.subjectId() + " for " + f.period()
                        + " is given twice");
            } else if (f != null) {
                figures.add(f);
            }
        }
        List<Subject> subjects = null;
        if (body.has("subjects") && !body.get("subjects").isNull()) {
            subjects = new ArrayList<>();
            List<JsonNode> nodes = array(body, "subjects", false, problems);
            for (int i = 0; i < nodes.size(); i++) {
                Subject s = subject(nodes.get(i), "subjects[" + i + "]", problems);
                if (s != null) {
                    subjects.add(s);
                }
            }
        }
        List<PriorAward> prior = null;
        if (body.has("priorAwards") && !body.get("priorAwards").isNull()) {
            prior = new ArrayList<>();
            List<JsonNode> nodes = array(body, "priorAwards", false, problems);
            for (int i = 0; i < nodes.size(); i++) {
                PriorAward p = prior(nodes.get(i), "priorAwards[" + i + "]", policyId, problems);
                if (p != null) {
                    prior.add(p);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return new PreviewRequest(period, figures, subjects, prior);
    }

    private Figure figure(JsonNode n, String at, String defaultPeriod, List<String> problems) {
        if (!n.isObject()) {
            problems.add(at + ": must be an object {subject, metric, value, period?}");
            return null;
        }
        int before = problems.size();
        String subject = text(n, "subject", at, problems);
        Metric metric = null;
        String name = text(n, "metric", at, problems);
        if (name != null) {
            try {
                metric = Metric.valueOf(name);
            } catch (IllegalArgumentException e) {
                problems.add(at + ".metric: unknown metric '" + name + "'");
            }
        }
        BigDecimal value = decimal(n.get("value"), at + ".value", problems);
        if (value != null && value.signum() < 0) {
            problems.add(at + ".value: must not be negative");
        }
        String period = defaultPeriod;
        if (n.hasNonNull("period")) {
            Period p = period(n.get("period"), at + ".period", problems);
            period = p == null ? null : p.toString();
        }
        if (problems.size() > before || period == null) {
            return null;
        }
        String id = "preview/" + subject + "/" + metric.name() + "/" + period;
        return new Figure(id, subject, metric, period, value, 1);
    }

    private Subject subject(JsonNode n, String at, List<String> problems) {
        if (!n.isObject() || !n.hasNonNull("id") || !n.hasNonNull("type")) {
            problems.add(at + ": must be an object with at least type and id, as in the registry");
            return null;
        }
        try {
            return json.treeToValue(n, Subject.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            problems.add(at + ": " + reason);
            return null;
        }
    }

    private static PriorAward prior(JsonNode n, String at, String policyId, List<String> problems) {
        if (!n.isObject()) {
            problems.add(at + ": must be an object {rule, subject, period, key?, amount}");
            return null;
        }
        int before = problems.size();
        String rule = text(n, "rule", at, problems);
        String subject = text(n, "subject", at, problems);
        Period period = period(n.get("period"), at + ".period", problems);
        BigDecimal amount = decimal(n.get("amount"), at + ".amount", problems);
        String key = n.hasNonNull("key") ? n.get("key").asText() : null;
        if (problems.size() > before) {
            return null;
        }
        return new PriorAward(policyId, rule, subject, period.toString(), key, amount);
    }

    private static List<JsonNode> array(JsonNode body, String field, boolean required, List<String> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(field + ": missing (an empty list is allowed)");
            }
            return List.of();
        }
        if (!n.isArray()) {
            problems.add(field + ": must be a list");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String field, String at, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            problems.add(at + "." + field + ": missing");
            return null;
        }
        return v.asText().strip();
    }

    private static Period period(JsonNode v, String at, List<String> problems) {
        if (v == null || v.isNull()) {
            problems.add(at + ": missing");
            return null;
        }
        try {
            return Period.parse(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode v, String at, List<String> problems) {
        if (v == null || v.isNull()) {
            problems.add(at + ": missing");
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
        } catch (NumberFormatException e) {
            problems.add(at + ": '" + v.asText() + "' is not a decimal number");
            return null;
        }
    }
}
