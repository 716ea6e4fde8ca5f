package dev.subsidy.runtime.definition;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.runtime.assembly.TraceAssembly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Reads a definition's text (YAML, or JSON, which YAML reads too) into a {@link ConnectorDefinition},
 * collecting every structural problem (missing id or type, wrong shapes, unknown fields) rather than
 * stopping at the first. What the text means for its connector type is {@link DefinitionValidator}'s
 * job. Stateless and thread-safe.
 */
public final class DefinitionReader {

    /** Ids are used in URLs, route ids and table keys. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** The built-in feed of standard records; no definition may take its id. */
    public static final String RESERVED_ID = "standard";

    static final Set<String> FIELDS = Set.of("id", "type", "mapping", "mappingParams", "settings", "schedule", "rateLimit", "feederTokenEnv", "assembly");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    /** A connector that polls less than monthly is better run now and then with POST …/run. */
    static final Duration MAX_SCHEDULE = ConfigDef.DEFAULT_MAX_DURATION;
    private static final String MAX_SCHEDULE_TEXT = MAX_SCHEDULE.toDays() + "d";
    /** Calls per second; partners allow tens. */
    static final double MAX_RATE_LIMIT = 1000;

    private final YAMLMapper yaml = new YAMLMapper();

    /** What was read: the definition when its id and type could be read, and every problem. */
    public record Result(ConnectorDefinition definition, List<DefinitionProblem> problems) {
        public boolean ok() {
            return definition != null && problems.isEmpty();
        }
    }

    public Result read(String text) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = text == null || text.isBlank() ? null : yaml.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            return new Result(null, List.of(new DefinitionProblem("definition", "not valid YAML or JSON" + where
                    + ": " + e.getOriginalMessage())));
        }
        if (!(root instanceof ObjectNode object)) {
            return new Result(null, List.of(new DefinitionProblem("definition", "must be a map with id, type and settings")));
        }
        object.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add(new DefinitionProblem(f, "unknown field (known: " + String.join(", ", sorted(FIELDS)) + ")"));
            }
        });
        String id = text(object, "id", true, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new DefinitionProblem("id", "'" + id + "' must be lower case letters, digits and dashes (at most 64)"));
        } else if (RESERVED_ID.equals(id)) {
            problems.add(new DefinitionProblem("id", "'standard' is the built-in feed of standard records"));
        }
        String type = text(object, "type", true, problems);
        String mapping = text(object, "mapping", false, problems);
        Map<String, String> mappingParams = values("mappingParams", object.get("mappingParams"), problems);
        Map<String, String> settings = values("settings", object.get("settings"), problems);
        Duration schedule = schedule(object.get("schedule"), problems);
        Double rateLimit = rateLimit(object.get("rateLimit"), problems);
        String feederTokenEnv = text(object, "feederTokenEnv", false, problems);
        if (feederTokenEnv != null && !EnvReference.NAME.matcher(feederTokenEnv).matches()) {
            problems.add(new DefinitionProblem("feederTokenEnv", "must be the name of an environment variable, such as ZTO_FEEDER_TOKEN"));
        }
        TraceAssembly assembly = assembly(object.get("assembly"), problems);
        ConnectorDefinition definition = id == null || type == null ? null
                : new ConnectorDefinition(id, type, mapping, mappingParams, settings, schedule, rateLimit, feederTokenEnv, assembly);
        return new Result(definition, List.copyOf(problems));
    }

    private static String text(ObjectNode object, String field, boolean required, List<DefinitionProblem> problems) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                problems.add(new DefinitionProblem(field, "required"));
            }
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(new DefinitionProblem(field, "must be a single value"));
            return null;
        }
        return node.asText().strip();
    }

    /**
     * A map of names to text (settings, mapping parameters): scalars as text, lists joined with commas
     * (a ConfigDef LIST setting), nested maps refused.
     */
    private static Map<String, String> values(String field, JsonNode node, List<DefinitionProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            problems.add(new DefinitionProblem(field, "must be a map of names to values"));
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isValueNode()) {
                values.put(e.getKey(), v.asText());
            } else if (v.isArray() && allValues(v)) {
                StringJoiner joined = new StringJoiner(",");
                v.forEach(item -> joined.add(item.asText()));
                values.put(e.getKey(), joined.toString());
            } else {
                problems.add(new DefinitionProblem(field + "." + e.getKey(), "must be a value or a list of values"));
            }
        }
        return values;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> ASSEMBLY_FIELDS = Set.of("events", "waybill", "carrier", "incomplete");

    /** A trace assembly: events and waybill as JSON Pointers, carrier optional, incomplete a map of phrases. */
    private static TraceAssembly assembly(JsonNode node, List<DefinitionProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new DefinitionProblem("assembly", "must be a map with events and waybill (JSON Pointers), "
                    + "carrier and incomplete optional"));
            return null;
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(f -> {
            if (!ASSEMBLY_FIELDS.contains(f)) {
                problems.add(new DefinitionProblem("assembly." + f, "unknown field (known: "
                        + String.join(", ", sorted(ASSEMBLY_FIELDS)) + ")"));
            }
        });
        JsonPointer events = pointer(node, "events", true, problems);
        JsonPointer waybill = pointer(node, "waybill", true, problems);
        JsonPointer carrier = pointer(node, "carrier", false, problems);
        Map<String, String> incomplete = values("assembly.incomplete", node.get("incomplete"), problems);
        incomplete.forEach((phrase, waitingFor) -> {
            if (phrase.isBlank() || waitingFor.isBlank()) {
                problems.add(new DefinitionProblem("assembly.incomplete", "each entry is a phrase of the mapping's "
                        + "rejection and what the trace then waits for, neither blank"));
            }
        });
        return problems.size() > before ? null : new TraceAssembly(events, waybill, carrier, incomplete);
    }

    private static JsonPointer pointer(JsonNode assembly, String field, boolean required, List<DefinitionProblem> problems) {
        JsonNode node = assembly.get(field);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                problems.add(new DefinitionProblem("assembly." + field, "required: a JSON Pointer such as /data"));
            }
            return null;
        }
        String text = node.isValueNode() ? node.asText().strip() : "";
        try {
            JsonPointer p = JsonPointer.compile(text);
            if (!p.matches()) {
                return p;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        problems.add(new DefinitionProblem("assembly." + field, "must be a JSON Pointer to a field, such as /data or "
                + "/Body/WaybillRoute (it was '" + text + "')"));
        return null;
    }

    private static Duration schedule(JsonNode node, List<DefinitionProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText().strip() : "";
        Duration d = node.isValueNode() ? duration(text) : null;
        if (d == null && SIMPLE_DURATION.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            problems.add(new DefinitionProblem("schedule", "'" + text + "' is longer than " + MAX_SCHEDULE_TEXT
                    + ", the longest schedule"));
            return null;
        }
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(new DefinitionProblem("schedule", "must be a positive duration (PT10M, 30s, 10m, 1h, 1d)"));
            return null;
        }
        if (d.compareTo(MAX_SCHEDULE) > 0) {
            problems.add(new DefinitionProblem("schedule", "'" + text + "' is longer than " + MAX_SCHEDULE_TEXT
                    + ", the longest schedule"));
            return null;
        }
        return d;
    }

    private static Double rateLimit(JsonNode node, List<DefinitionProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        // a number too large for a double reads as infinity
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() <= 0) {
            problems.add(new DefinitionProblem("rateLimit", "must be a positive number of calls per second"));
            return null;
        }
        if (node.asDouble() > MAX_RATE_LIMIT) {
            problems.add(new DefinitionProblem("rateLimit", "more than " + (int) MAX_RATE_LIMIT + " calls per second, "
                    + "which no partner takes; leave rateLimit out for no limit"));
            return null;
        }
        return node.asDouble();
    }

    /** ISO-8601 or a number with a unit, as connector settings read durations; null when neither or too long to hold. */
    static Duration duration(String text) {
        return ConfigDef.duration(text).orElse(null);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
