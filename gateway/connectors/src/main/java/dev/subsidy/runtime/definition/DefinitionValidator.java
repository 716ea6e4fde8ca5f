package dev.subsidy.runtime.definition;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.http.HostAllowList;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every problem with a definition, at once: unknown type (with the known ones), settings the type's
 * {@link ConfigDef} refuses (durations and sizes out of their bounds among them), a secret given
 * literally, a credential hidden elsewhere ({@link HiddenCredentials}: a header, a parameter, a URL's
 * user-info), an environment reference that is not set, a URL whose host is not on the allow-list, an
 * unknown or broken mapping, fields that do not fit the type's kind. Calls no partner. Messages never
 * repeat a secret's value. Thread-safe.
 */
public final class DefinitionValidator {

    private final ConnectorRegistry registry;
    private final RecordMapper mapper;
    private final HostAllowList hosts;
    private final EnvironmentVariables env;
    private final Duration tick;
    private final Set<ConnectorKind> runnable;

    /**
     * The setting by which a connector type limits its own calls (http-pull's {@code rate_limit}). A
     * type that has it waits for its permits itself, in stop-aware waits it can hand to the gateway's
     * backoff; the definition's {@code rateLimit} (the gateway's limit in the transport, for types
     * without one) must then not be given too, or each limiter would wait behind the other.
     */
    static final String TYPE_RATE_LIMIT = "rate_limit";

    /**
     * @param runnable the kinds this gateway runs: a definition of another kind would never run, so
     *     it is refused rather than accepted and left idle
     */
    public DefinitionValidator(ConnectorRegistry registry, RecordMapper mapper, HostAllowList hosts,
                               EnvironmentVariables env, Duration tick, Set<ConnectorKind> runnable) {
        this.registry = registry;
        this.mapper = mapper;
        this.hosts = hosts;
        this.env = env;
        this.tick = tick;
        this.runnable = Set.copyOf(runnable);
    }

    /** Problems of a definition already read (its structural problems are the reader's). */
    public List<DefinitionProblem> validate(ConnectorDefinition d) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Optional<ConnectorProvider> provider = registry.find(d.type());
        if (provider.isEmpty()) {
            problems.add(new DefinitionProblem("type", "unknown connector type '" + d.type() + "'; known types: "
                    + knownTypes()));
        }
        ConfigDef def = provider.map(ConnectorProvider::configDef).orElse(null);
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<String> unresolved = new HashSet<>();
        Map<String, String> fromEnvironment = new HashMap<>();
        for (Map.Entry<String, String> e : d.settings().entrySet()) {
            String field = "settings." + e.getKey();
            boolean secret = def != null && def.setting(e.getKey()).map(ConfigDef.Setting::isSecret).orElse(false);
            Optional<String> variable = EnvReference.variable(e.getValue());
            if (variable.isPresent()) {
                Optional<String> value = env.get(variable.get());
                if (value.isEmpty()) {
                    problems.add(new DefinitionProblem(field, "environment variable " + variable.get() + " is not set"));
                    unresolved.add(e.getKey());
                } else {
                    resolved.put(e.getKey(), value.get());
                    fromEnvironment.put(e.getKey(), variable.get());
                }
            } else if (secret) {
                // refused whatever it is: a definition is stored and returned, a secret never is
                problems.add(new DefinitionProblem(field, "a secret must be a reference to the environment such as "
                        + EnvReference.of(suggestedVariable(d.id(), e.getKey())) + ", never a value"));
                unresolved.add(e.getKey());
            } else {
                resolved.put(e.getKey(), e.getValue());
            }
        }
        for (DefinitionProblem hidden : HiddenCredentials.find(d, def, resolved)) {
            problems.add(hidden);
            if (hidden.field().startsWith("settings.")) {
                // kept from the type's own checks, whose messages may repeat a value
                String name = hidden.field().substring("settings.".length());
                resolved.remove(name);
                unresolved.add(name);
            }
        }
        List<DefinitionProblem> checked = new ArrayList<>();
        provider.ifPresent(p -> settingProblems(p, def, resolved, unresolved, checked));
        urlProblems(d, def, resolved, checked);
        checked.forEach(c -> problems.add(withoutEnvironmentValues(c, resolved, fromEnvironment)));
        for (String p : mapper.problems(d.effectiveMapping())) {
            problems.add(new DefinitionProblem("mapping", p));
        }
        if (!d.mappingParams().isEmpty() && (d.effectiveMapping() == null || RecordMapper.STANDARD.equals(d.effectiveMapping()))) {
            problems.add(new DefinitionProblem("mappingParams", "only a mapping reads parameters, and this definition "
                    + "names none (records that already are standard pass as they are)"));
        }
        if (d.rateLimit() != null && def != null && def.setting(TYPE_RATE_LIMIT).isPresent()
                && d.settings().containsKey(TYPE_RATE_LIMIT)) {
            problems.add(new DefinitionProblem("rateLimit", "give the rate limit once: '" + d.type() + "' limits its own "
                    + "calls with settings." + TYPE_RATE_LIMIT + "; two limits on the same calls would each wait for the other"));
        }
        provider.ifPresent(p -> kindProblems(d, p.kind(), problems));
        if (d.assembly() != null && (d.effectiveMapping() == null || RecordMapper.STANDARD.equals(d.effectiveMapping()))) {
            problems.add(new DefinitionProblem("assembly", "assembly hands a mapping a waybill's events together, and "
                    + "this definition names no mapping"));
        }
        if (d.schedule() != null && d.schedule().compareTo(tick) < 0) {
            problems.add(new DefinitionProblem("schedule", "shorter than gateway.connectors.tick (" + tick + ")"));
        }
        return List.copyOf(problems);
    }

    /**
     * A problem the type found in a value read from the environment, told without that value: the
     * validation answers whoever posts a definition, and a type's message may quote what it checked
     * (naming the variable in a setting it does not fit must not read the variable out). The value is
     * written as its reference; a message still quoting something keeps only which variable is wrong.
     */
    static DefinitionProblem withoutEnvironmentValues(DefinitionProblem problem, Map<String, String> resolved,
                                                      Map<String, String> fromEnvironment) {
        String setting = problem.field().startsWith("settings.") ? problem.field().substring("settings.".length()) : null;
        String variable = setting == null ? null : fromEnvironment.get(setting);
        if (variable == null) {
            return problem;
        }
        String value = resolved.get(setting);
        String message = value == null || value.isEmpty() ? problem.message()
                : problem.message().replace(value, EnvReference.of(variable));
        boolean stillQuotes = message.replace(EnvReference.of(variable), "").matches("(?s).*['\"`«].*");
        return new DefinitionProblem(problem.field(), stillQuotes
                ? "the value of environment variable " + variable + " does not fit this setting (the reason is not shown: it would quote the variable's value)"
                : "the value of environment variable " + variable + " does not fit: " + message);
    }

    private static void settingProblems(ConnectorProvider provider, ConfigDef def, Map<String, String> resolved,
                                        Set<String> unresolved, List<DefinitionProblem> problems) {
        List<ConfigProblem> found;
        try {
            found = provider.validate(resolved);
        } catch (RuntimeException e) {
            // a provider must not throw here; say so instead of failing the whole validation
            problems.add(new DefinitionProblem("settings", "connector type '" + provider.name()
                    + "' could not check its settings: " + e.getClass().getSimpleName()));
            return;
        }
        for (ConfigProblem p : found) {
            // a setting already reported (unset variable, literal secret, hidden credential) is reported once
            if (!unresolved.contains(p.setting())) {
                problems.add(new DefinitionProblem("settings." + p.setting(), p.message()));
            }
        }
    }

    /** Every URL setting, and any setting whose value looks like a URL, must point at an allowed host. */
    private void urlProblems(ConnectorDefinition d, ConfigDef def, Map<String, String> resolved,
                             List<DefinitionProblem> problems) {
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            boolean urlSetting = def != null && def.setting(e.getKey()).map(s -> s.type() == ConfigDef.Type.URL).orElse(false);
            boolean secret = def != null && def.setting(e.getKey()).map(ConfigDef.Setting::isSecret).orElse(false);
            String value = e.getValue().strip();
            boolean looksLikeUrl = value.toLowerCase(Locale.ROOT).matches("https?://.*");
            if (secret || !(urlSetting || looksLikeUrl)) {
                continue;
            }
            try {
                URI uri = new URI(value);
                if (uri.getHost() != null) {
                    hosts.refusal(uri).ifPresent(r -> problems.add(new DefinitionProblem("settings." + e.getKey(), r)));
                } else if (!urlSetting) {
                    problems.add(new DefinitionProblem("settings." + e.getKey(), "URL without a host"));
                }
            } catch (URISyntaxException bad) {
                if (!urlSetting) { // the ConfigDef already says "not a URL" for URL settings
                    problems.add(new DefinitionProblem("settings." + e.getKey(), "not a URL: " + bad.getReason()));
                }
            }
        }
    }

    private void kindProblems(ConnectorDefinition d, ConnectorKind kind, List<DefinitionProblem> problems) {
        if (!runnable.contains(kind)) {
            problems.add(new DefinitionProblem("type", "'" + d.type() + "' is a " + kind.name().toLowerCase(Locale.ROOT)
                    + " connector, and this gateway runs no " + kind.name().toLowerCase(Locale.ROOT) + " connectors yet"));
        }
        if (kind == ConnectorKind.PUSH) {
            if (d.feederTokenEnv() == null) {
                problems.add(new DefinitionProblem("feederTokenEnv", "required for a push connector: the environment "
                        + "variable holding its feeder's token, such as " + suggestedVariable(d.id(), "feeder_token")));
            } else if (env.get(d.feederTokenEnv()).isEmpty()) {
                problems.add(new DefinitionProblem("feederTokenEnv", "environment variable " + d.feederTokenEnv() + " is not set"));
            }
            if (d.schedule() != null) {
                problems.add(new DefinitionProblem("schedule", "a push connector has no schedule: its partner sends"));
            }
        } else if (kind == ConnectorKind.FILE && d.schedule() != null) {
            problems.add(new DefinitionProblem("schedule", "a file connector has no schedule: it reads each file once it "
                    + "is complete (settings.quiet_period)"));
        }
        if (kind != ConnectorKind.PUSH && d.assembly() != null) {
            problems.add(new DefinitionProblem("assembly", "only push connectors assemble traces; '"
                    + d.type() + "' is a " + kind.name().toLowerCase(Locale.ROOT) + " connector"));
        }
        if (kind != ConnectorKind.PUSH && d.feederTokenEnv() != null) {
            problems.add(new DefinitionProblem("feederTokenEnv", "only push connectors have a feeder token; '"
                    + d.type() + "' is a " + kind.name().toLowerCase(Locale.ROOT) + " connector"));
        }
    }

    private String knownTypes() {
        Map<String, ConnectorRegistry.Source> types = registry.connectorTypes();
        return types.isEmpty() ? "none" : types.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().origin() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String suggestedVariable(String id, String setting) {
        return (id + "_" + setting).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
