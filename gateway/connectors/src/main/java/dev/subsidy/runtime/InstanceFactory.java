package dev.subsidy.runtime;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.EnvReference;
import dev.subsidy.runtime.definition.EnvironmentVariables;
import dev.subsidy.runtime.http.GuardedHttpTransport;
import dev.subsidy.runtime.http.OutboundHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes a {@link ConnectorInstance} of a validated definition: resolves its environment references
 * (secrets exist only here and in the instance's config, never in the definition), parses its
 * settings, gives it a transport with its rate limit and a redactor that knows its secrets. A
 * definition with problems becomes an unusable instance that shows them as its error.
 */
public final class InstanceFactory {

    private final ConnectorRegistry registry;
    private final EnvironmentVariables env;
    private final OutboundHttp http;
    private final ConnectorsProperties settings;
    private final Clock clock;

    public InstanceFactory(ConnectorRegistry registry, EnvironmentVariables env, OutboundHttp http,
                    ConnectorsProperties settings, Clock clock) {
        this.registry = registry;
        this.env = env;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param problems the validator's findings; not empty means the instance never runs
     */
    public ConnectorInstance create(ConnectorDefinition d, boolean paused, List<DefinitionProblem> problems) {
        Instant firstRun = clock.instant();
        if (!problems.isEmpty()) {
            String why = "definition cannot be used: " + problems.stream().map(DefinitionProblem::toString)
                    .collect(Collectors.joining("; "));
            return new ConnectorInstance(d, registry.find(d.type()).orElse(null), null, null,
                    new ConnectorStatus(paused, why, firstRun), new Redactor(List.of()), null, null);
        }
        ConnectorProvider provider = registry.provider(d.type());
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        ConfigDef def = provider.configDef();
        d.settings().forEach((name, value) -> {
            String v = EnvReference.variable(value).flatMap(env::get).orElse(value);
            resolved.put(name, v);
            if (def.setting(name).map(ConfigDef.Setting::isSecret).orElse(false)) {
                secrets.add(v);
            }
        });
        Secret feederToken = null;
        if (provider.kind() == ConnectorKind.PUSH && d.feederTokenEnv() != null) {
            String token = env.get(d.feederTokenEnv()).orElseThrow();
            secrets.add(token);
            feederToken = Secret.of(token);
        }
        ConnectorConfig config = def.parse(resolved);
        GuardedHttpTransport transport = http.transport(d.id(), d.rateLimit());
        RuntimeContext context = new RuntimeContext(d.id(), config, transport, registry, clock);
        Duration schedule = d.schedule() != null ? d.schedule() : settings.defaultSchedule();
        return new ConnectorInstance(d, provider, context, transport, new ConnectorStatus(paused, null, firstRun),
                new Redactor(secrets), feederToken, schedule);
    }
}
