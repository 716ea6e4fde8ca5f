package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.ValueCheck;
import dev.subsidy.connector.api.ConfigProblem;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks on {@code http-pull} settings beyond their types: single values (a JSON Pointer, a
 * {@code name=value} list, a date-time) and combinations (what {@code auth=basic} needs, what
 * backward paging needs, a lookback shorter than the window). Every problem is returned, never the
 * first only. Stateless; thread-safe.
 */
public final class SettingChecks {

    /** Reads only: thread-safe once configured. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingChecks() {
    }

    /** A JSON Pointer: empty, or starting with {@code /}. */
    public static ValueCheck jsonPointer() {
        return v -> {
            try {
                JsonPointer.compile(v.trim());
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("not a JSON Pointer (write /data/orders; \"\" is the whole reply)");
            }
        };
    }

    /** Comma-separated JSON Pointers, each checked as {@link #jsonPointer()}. */
    public static ValueCheck jsonPointers() {
        ValueCheck one = jsonPointer();
        return v -> {
            for (String item : v.split(",")) {
                Optional<String> problem = one.check(item);
                if (problem.isPresent()) {
                    return Optional.of("'" + item.trim() + "' is " + problem.get());
                }
            }
            return Optional.empty();
        };
    }

    /** A comma-separated list of {@code name=value} pairs; an item without {@code =} continues the previous value. */
    public static ValueCheck nameValues() {
        return v -> {
            boolean first = true;
            for (String item : v.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq == 0 || (eq > 0 && item.substring(0, eq).isBlank()) || (eq < 0 && first)) {
                    return Optional.of("each item must be name=value (commas inside a value are fine), not '" + item.trim() + "'");
                }
                first = false;
            }
            return Optional.empty();
        };
    }

    /** A JSON object, such as {@code {"order_by":"update_time","order_asc":false}}. */
    public static ValueCheck jsonObject() {
        return v -> {
            try {
                return JSON.readTree(v).isObject()
                        ? Optional.empty() : Optional.of("not a JSON object (write {\"name\": value, …})");
            } catch (JsonProcessingException e) {
                return Optional.of("not JSON: " + e.getOriginalMessage());
            }
        };
    }

    /** An ISO-8601 date-time with its offset, such as {@code 2026-03-01T00:00:00+08:00}. */
    public static ValueCheck dateTime() {
        return v -> {
            try {
                OffsetDateTime.parse(v.trim());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("not an ISO-8601 date-time with offset, e.g. 2026-03-01T00:00:00+08:00");
            }
        };
    }

    /** A decimal number from 1 to 10: a backoff that grows faster reaches its longest in one step anyway. */
    public static ValueCheck multiplier() {
        return v -> {
            try {
                double m = Double.parseDouble(v.trim());
                if (Double.isNaN(m) || m < 1) {
                    return Optional.of("must be at least 1");
                }
                return m <= 10 ? Optional.empty() : Optional.of("must be at most 10");
            } catch (NumberFormatException e) {
                return Optional.of("not a number");
            }
        };
    }

    /**
     * Problems of combinations of settings. Values are read as text with the descriptor's defaults, so
     * this runs even when some single values are invalid (those are reported by
     * {@link ConfigDef#validate}).
     */
    public static List<ConfigProblem> combinations(ConfigDef def, Map<String, String> given) {
        Values s = new Values(def, given == null ? Map.of() : given);
        List<ConfigProblem> problems = new ArrayList<>();

        if (!s.is(PARAMS_IN, "query") && !s.is(METHOD, "POST")) {
            problems.add(new ConfigProblem(PARAMS_IN, "'" + s.get(PARAMS_IN) + "' needs method POST"));
        }

        if (s.has(JSON_PARAM_BASE) && !s.has(JSON_PARAM)) {
            problems.add(new ConfigProblem(JSON_PARAM_BASE, "only used with json_param, which is not set"));
        }

        switch (s.get(AUTH)) {
            case "basic" -> s.require(problems, "auth basic", AUTH_USERNAME, AUTH_PASSWORD);
            case "bearer" -> s.require(problems, "auth bearer", AUTH_TOKEN);
            case "api_key" -> s.require(problems, "auth api_key", AUTH_TOKEN, AUTH_TOKEN_NAME);
            case "signer" -> {
                s.require(problems, "auth signer", SIGNER, SIGNER_SECRET);
                if (s.has(AUTH_TOKEN) && !s.has(AUTH_TOKEN_NAME)) {
                    // otherwise the access token would silently not be sent
                    problems.add(new ConfigProblem(AUTH_TOKEN_NAME, "required with auth_token and auth signer: the parameter carrying it, e.g. session"));
                }
            }
            default -> { }
        }

        boolean windows = s.has(WINDOW_START_PARAM);
        if (windows) {
            s.require(problems, "time windows", WINDOW_END_PARAM, WINDOW_START_AT);
            Optional<Duration> max = s.duration(WINDOW_MAX);
            Optional<Duration> lookback = s.duration(WINDOW_LOOKBACK);
            // a window_max of zero or less is refused by its bounds in the descriptor
            if (max.isPresent() && !max.get().isZero() && !max.get().isNegative() && lookback.isPresent() && lookback.get().compareTo(max.get()) >= 0) {
                problems.add(new ConfigProblem(WINDOW_LOOKBACK, "must be shorter than window_max (" + s.get(WINDOW_MAX)
                        + "), or windows would never move past the committed cursor"));
            }
        } else {
            for (String name : List.of(WINDOW_END_PARAM, WINDOW_START_AT)) {
                if (s.has(name)) {
                    problems.add(new ConfigProblem(name, "only used with window_start_param, which is not set"));
                }
            }
        }

        if (s.is(PAGINATION, "cursor")) {
            s.require(problems, "cursor pagination", NEXT_CURSOR_PATH);
        }
        if (s.is(PAGE_ORDER, "backward")) {
            if (!s.is(PAGINATION, "page_number")) {
                problems.add(new ConfigProblem(PAGE_ORDER, "backward needs pagination page_number"));
            }
            if (!windows) {
                problems.add(new ConfigProblem(PAGE_ORDER, "backward needs time windows (window_start_param): "
                        + "pages are read last to first inside a window"));
            }
            if (!s.has(TOTAL_PATH) && !s.has(TOTAL_PAGES_PATH)) {
                problems.add(new ConfigProblem(TOTAL_PATH, "backward paging needs total_path or total_pages_path to find the last page"));
            }
        }

        return problems;
    }

    /** Text values with defaults. */
    private record Values(ConfigDef def, Map<String, String> given) {

        String get(String name) {
            String v = given.get(name);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
            return def.setting(name).flatMap(ConfigDef.Setting::defaultValue).orElse("");
        }

        boolean has(String name) {
            return !get(name).isEmpty();
        }

        boolean is(String name, String value) {
            return get(name).equals(value);
        }

        /** A duration read by ConfigDef's own rules, bounds aside (those are the descriptor's to report). */
        Optional<Duration> duration(String name) {
            String text = get(name);
            return text.isEmpty() ? Optional.empty() : ConfigDef.duration(text);
        }

        void require(List<ConfigProblem> problems, String because, String... names) {
            for (String name : names) {
                if (!has(name)) {
                    problems.add(new ConfigProblem(name, "required with " + because));
                }
            }
        }
    }
}
