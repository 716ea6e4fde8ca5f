package dev.subsidy.connector.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings a connector type accepts: name, type, required or optional with a default, secret or
 * not, and a description for operators.
 *
 * <p>{@link #validate(Map)} checks a definition's settings and returns <em>every</em> problem at once
 * (missing required settings, values of the wrong type, values outside their allowed set, settings
 * nobody defined), never stopping at the first. The admin API's {@code validate} shows them all.
 *
 * <p>Settings are strings on the way in (they come from YAML, JSON or the environment); their
 * {@link Type} says how they are read. Secret settings are validated for presence only, and no
 * message ever repeats their value. A duration lies between zero and {@link #DEFAULT_MAX_DURATION}
 * unless its setting says otherwise ({@link Setting#between(Duration, Duration)}), so that no
 * setting can ask for a wait of a million years or overflow the arithmetic that uses it. A URL never
 * carries user-info ({@code user:password@}): credentials belong in secret settings. A setting whose
 * value holds names and values the connector sends to its partner (headers, parameters) says so
 * ({@link Setting#namedValues(NamedValues)}), so that the gateway can refuse a credential hidden
 * among them.
 *
 * <p>Immutable and thread-safe; build one per connector type, typically as a constant of the
 * provider.
 *
 * <pre>{@code
 * static final ConfigDef CONFIG = ConfigDef.builder()
 *     .define(Setting.required("base_url", Type.URL, "Partner gateway, e.g. https://gw.example.com/api"))
 *     .define(Setting.optional("page_size", Type.INT, "100", "Items per page").check(ValueCheck.between(1, 100)))
 *     .define(Setting.required("app_secret", Type.STRING, "App secret, from the environment").secret())
 *     .define(Setting.optional("window", Type.DURATION, "1h", "Longest window").between(Duration.ofMinutes(1), Duration.ofDays(1)))
 *     .define(Setting.optional("headers", Type.LIST, null, "Static headers").namedValues(NamedValues.PAIRS))
 *     .build();
 * }</pre>
 */
public final class ConfigDef {

    /** How a setting's text is read. */
    public enum Type {
        /** Any text. */
        STRING,
        /** A 32-bit integer. */
        INT,
        /** A 64-bit integer. */
        LONG,
        /** {@code true} or {@code false}, any case. */
        BOOLEAN,
        /** ISO-8601 ({@code PT30M}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 1d}. */
        DURATION,
        /** An absolute {@code http} or {@code https} URL. */
        URL,
        /** Comma-separated values, trimmed, empty items dropped. */
        LIST
    }

    /** The longest duration a setting takes unless it says otherwise: a month. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofDays(31);

    /**
     * How a setting holds names and values its connector sends to the partner as they are: static
     * headers, query or form parameters, members of a JSON parameter. Those are stored and shown as
     * written, so a credential must never be among them; marking them lets whoever runs the connector
     * look (the gateway refuses a name that looks like a credential there).
     */
    public enum NamedValues {
        /**
         * {@code name=value, name=value}: a comma-separated list; an item without {@code =}
         * continues the previous value ({@code fields=tid,modified}).
         */
        PAIRS,
        /** A JSON object whose members are sent, at any depth. */
        JSON_OBJECT;

        /**
         * The names and values of a {@link #PAIRS} value, in order; an item without a name before
         * any named one is left out (validation of the setting reports it).
         */
        public static List<Map.Entry<String, String>> pairs(String value) {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (String item : value.split(",")) {
                int eq = item.indexOf('=');
                if (eq < 0) {
                    if (!out.isEmpty()) {
                        Map.Entry<String, String> last = out.remove(out.size() - 1);
                        out.add(Map.entry(last.getKey(), last.getValue() + "," + item.trim()));
                    }
                } else {
                    out.add(Map.entry(item.substring(0, eq).trim(), item.substring(eq + 1).trim()));
                }
            }
            return out;
        }
    }

    /**
     * An extra check on a setting's (type-correct) text value.
     */
    @FunctionalInterface
    public interface ValueCheck {

        /** A problem message, or empty when the value is fine. Never repeat the value of a secret. */
        Optional<String> check(String value);

        /** The value must be one of these (exact match). */
        static ValueCheck oneOf(String... allowed) {
            List<String> list = List.of(allowed);
            return v -> list.contains(v) ? Optional.empty() : Optional.of("must be one of " + list);
        }

        /** The integer value must lie in [min, max]. */
        static ValueCheck between(long min, long max) {
            return v -> {
                try {
                    long n = Long.parseLong(v.trim());
                    return n >= min && n <= max ? Optional.empty() : Optional.of("must be between " + min + " and " + max);
                } catch (NumberFormatException e) {
                    return Optional.of("not a number");
                }
            };
        }
    }

    /** One setting's description. Immutable; the modifiers return copies. */
    public static final class Setting {
        private final String name;
        private final Type type;
        private final boolean required;
        private final String defaultValue;
        private final boolean secret;
        private final String description;
        private final List<ValueCheck> checks;
        private final Duration min;
        private final Duration max;
        private final NamedValues namedValues;

        private Setting(String name, Type type, boolean required, String defaultValue, boolean secret,
                        String description, List<ValueCheck> checks) {
            this(name, type, required, defaultValue, secret, description, checks, Duration.ZERO, DEFAULT_MAX_DURATION, null);
        }

        private Setting(String name, Type type, boolean required, String defaultValue, boolean secret,
                        String description, List<ValueCheck> checks, Duration min, Duration max, NamedValues namedValues) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a setting needs a name");
            }
            this.name = name;
            this.type = Objects.requireNonNull(type, "type");
            this.required = required;
            this.defaultValue = defaultValue;
            this.secret = secret;
            this.description = Objects.requireNonNullElse(description, "");
            this.checks = List.copyOf(checks);
            this.min = min;
            this.max = max;
            this.namedValues = namedValues;
            if (defaultValue != null) {
                Optional<String> p = problemOf(defaultValue);
                if (p.isPresent()) {
                    throw new IllegalArgumentException("default of setting '" + name + "' is invalid: " + p.get());
                }
            }
        }

        /** A setting that must be given. */
        public static Setting required(String name, Type type, String description) {
            return new Setting(name, type, true, null, false, description, List.of());
        }

        /**
         * A setting that may be left out.
         *
         * @param defaultValue the value used when it is left out, or {@code null} for none
         */
        public static Setting optional(String name, Type type, String defaultValue, String description) {
            return new Setting(name, type, false, defaultValue, false, description, List.of());
        }

        /** This setting, marked secret: its value comes from the environment and is never shown. */
        public Setting secret() {
            return new Setting(name, type, required, defaultValue, true, description, checks, min, max, namedValues);
        }

        /** This setting with an extra check. */
        public Setting check(ValueCheck check) {
            List<ValueCheck> c = new ArrayList<>(checks);
            c.add(Objects.requireNonNull(check, "check"));
            return new Setting(name, type, required, defaultValue, secret, description, c, min, max, namedValues);
        }

        /**
         * This {@link Type#DURATION} setting, taking durations from {@code min} to {@code max}
         * (both included) instead of from zero to {@link #DEFAULT_MAX_DURATION}.
         *
         * @throws IllegalArgumentException when the setting is not a duration, the range is empty or
         *     negative, or the default lies outside it
         */
        public Setting between(Duration min, Duration max) {
            if (type != Type.DURATION) {
                throw new IllegalArgumentException("setting '" + name + "' is not a duration");
            }
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("setting '" + name + "': " + min + " to " + max + " is no range of durations");
            }
            return new Setting(name, type, required, defaultValue, secret, description, checks, min, max, namedValues);
        }

        /** This setting, marked as holding names and values sent to the partner as they are. */
        public Setting namedValues(NamedValues form) {
            if (form == NamedValues.PAIRS && type != Type.LIST) {
                throw new IllegalArgumentException("setting '" + name + "': name=value pairs are a LIST");
            }
            return new Setting(name, type, required, defaultValue, secret, description, checks, min, max,
                    Objects.requireNonNull(form, "form"));
        }

        /** This setting, restricted to the given values. */
        public Setting oneOf(String... allowed) {
            return check(ValueCheck.oneOf(allowed));
        }

        public String name() {
            return name;
        }

        public Type type() {
            return type;
        }

        public boolean isRequired() {
            return required;
        }

        public Optional<String> defaultValue() {
            return Optional.ofNullable(defaultValue);
        }

        public boolean isSecret() {
            return secret;
        }

        public String description() {
            return description;
        }

        /** For a duration: the shortest it takes (zero unless {@link #between} said otherwise). */
        public Duration minDuration() {
            return min;
        }

        /** For a duration: the longest it takes ({@link #DEFAULT_MAX_DURATION} unless {@link #between} said otherwise). */
        public Duration maxDuration() {
            return max;
        }

        /** How the value holds names and values sent to the partner, or empty when it does not. */
        public Optional<NamedValues> namedValues() {
            return Optional.ofNullable(namedValues);
        }

        /** A problem with this text value (type first, then the checks), or empty. */
        Optional<String> problemOf(String value) {
            Optional<String> typeProblem = typeProblem(type, value, secret);
            if (typeProblem.isPresent()) {
                return typeProblem;
            }
            if (type == Type.DURATION) {
                Duration d = parseDuration(value).orElseThrow();
                if (d.compareTo(min) < 0) {
                    return Optional.of((min.isZero() ? "must not be negative" : "shorter than " + show(min)
                            + ", the least this setting takes") + (secret ? "" : ": '" + value + "'"));
                }
                if (d.compareTo(max) > 0) {
                    return Optional.of("longer than " + show(max) + ", the most this setting takes"
                            + (secret ? "" : ": '" + value + "'"));
                }
            }
            for (ValueCheck c : checks) {
                Optional<String> p = c.check(value);
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return name + " (" + type + (required ? ", required" : ", optional")
                    + (defaultValue != null && !secret ? ", default " + defaultValue : "")
                    + (secret ? ", secret" : "") + ")";
        }
    }

    /** Builds a {@link ConfigDef}. */
    public static final class Builder {
        private final LinkedHashMap<String, Setting> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a setting. */
        public Builder define(Setting setting) {
            if (settings.putIfAbsent(setting.name(), setting) != null) {
                throw new IllegalArgumentException("setting '" + setting.name() + "' is defined twice");
            }
            return this;
        }

        /** Adds every setting of another descriptor (for shared settings such as paging). */
        public Builder include(ConfigDef other) {
            other.settings().forEach(this::define);
            return this;
        }

        public ConfigDef build() {
            return new ConfigDef(settings);
        }
    }

    private final Map<String, Setting> settings;

    private ConfigDef(Map<String, Setting> settings) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A descriptor with no settings. */
    public static ConfigDef empty() {
        return builder().build();
    }

    /** The settings, in definition order. */
    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    /** One setting by name. */
    public Optional<Setting> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** Names of the secret settings. */
    public Set<String> secretNames() {
        Set<String> s = new TreeSet<>();
        settings.values().stream().filter(Setting::isSecret).forEach(x -> s.add(x.name()));
        return s;
    }

    /**
     * Every problem with these settings, at once: each defined setting in definition order (missing
     * when required, wrong type, failed check), then each setting that is not defined. An empty list
     * means the settings are valid. Never throws on bad values.
     *
     * @param values setting name to text value; a blank value counts as missing
     */
    public List<ConfigProblem> validate(Map<String, String> values) {
        Map<String, String> given = values == null ? Map.of() : values;
        List<ConfigProblem> problems = new ArrayList<>();
        for (Setting s : settings.values()) {
            String v = given.get(s.name());
            if (v == null || v.isBlank()) {
                if (s.isRequired()) {
                    problems.add(new ConfigProblem(s.name(), "required" + (s.description().isEmpty() ? "" : " (" + s.description() + ")")));
                }
                continue;
            }
            s.problemOf(v).ifPresent(p -> problems.add(new ConfigProblem(s.name(), p)));
        }
        new TreeSet<>(given.keySet()).stream()
                .filter(k -> !settings.containsKey(k))
                .forEach(k -> problems.add(new ConfigProblem(k, "unknown setting" + suggestion(k))));
        return List.copyOf(problems);
    }

    /**
     * Validated, typed settings with defaults applied.
     *
     * @throws IllegalArgumentException listing every problem when {@link #validate(Map)} finds any
     */
    public ConnectorConfig parse(Map<String, String> values) {
        List<ConfigProblem> problems = validate(values);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid settings: " + problems);
        }
        Map<String, String> effective = new LinkedHashMap<>();
        for (Setting s : settings.values()) {
            String v = values == null ? null : values.get(s.name());
            if (v != null && !v.isBlank()) {
                effective.put(s.name(), v);
            } else if (s.defaultValue != null) {
                effective.put(s.name(), s.defaultValue);
            }
        }
        return new ConnectorConfig(this, effective);
    }

    private String suggestion(String unknown) {
        String u = normalise(unknown);
        return settings.keySet().stream().filter(k -> normalise(k).equals(u)).findFirst()
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }

    // ---- reading typed values (shared with ConnectorConfig) ----

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    static Optional<String> typeProblem(Type type, String value, boolean secret) {
        String shown = secret ? "" : ": '" + value + "'";
        switch (type) {
            case STRING:
            case LIST:
                return Optional.empty();
            case INT:
                try {
                    Integer.parseInt(value.trim());
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of("not an integer" + shown);
                }
            case LONG:
                try {
                    Long.parseLong(value.trim());
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of("not an integer" + shown);
                }
            case BOOLEAN:
                String b = value.trim().toLowerCase(Locale.ROOT);
                return b.equals("true") || b.equals("false") ? Optional.empty() : Optional.of("not true or false" + shown);
            case DURATION:
                if (parseDuration(value).isPresent()) {
                    return Optional.empty();
                }
                return Optional.of((SIMPLE_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT)).matches()
                        ? "not a duration Java can hold (longer than any setting takes)"
                        : "not a duration (PT30M, 500ms, 30s, 10m, 1h, 1d)") + shown);
            case URL:
                // user-info may be a password: never repeated, whatever else is wrong
                return urlProblem(value.trim()).map(p -> value.indexOf('@') >= 0 ? p : p + shown);
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * A duration as settings write it: ISO-8601 ({@code PT30M}) or a number with a unit
     * ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 1d}); empty when it is neither, or
     * too long for {@link Duration} to hold. Says nothing about a setting's bounds.
     */
    public static Optional<Duration> duration(String text) {
        return text == null ? Optional.empty() : parseDuration(text);
    }

    /** A duration as it is written in settings: {@code 31d}, {@code 90m}, {@code 1500ms}, {@code PT0.5S}. */
    static String show(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }

    static Optional<Duration> parseDuration(String value) {
        String v = value.trim();
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return Optional.of(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            return Optional.of(Duration.parse(v));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> urlProblem(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("not an http(s) URL");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("URL with user-info (user:password@ before the host): a credential goes in a "
                        + "secret setting, never in a URL, which is stored and shown as written");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("URL without a host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
    }

    static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "ConfigDef" + settings.values();
    }
}
