package dev.subsidy.runtime.admin;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.ConnectorLifecycle;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.ConnectorsProperties;
import dev.subsidy.runtime.GatewayHome;
import dev.subsidy.runtime.InstanceFactory;
import dev.subsidy.runtime.definition.DefinitionFolder;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.runtime.definition.DefinitionValidator;
import dev.subsidy.runtime.definition.EnvironmentVariables;
import dev.subsidy.runtime.http.HostAllowList;
import dev.subsidy.runtime.http.OutboundHttp;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.runtime.pull.CheckpointStore;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the connector platform's core: the types (built-in and plugins), definitions (files, table,
 * validation), the outbound HTTP with its allow-list, and the runtime with its admin. What drives
 * each kind lives beside it ({@code pull/}, {@code push/}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorsConfiguration {

    /** Closed on shutdown: plugins' class loaders. */
    @Bean
    ConnectorRegistry connectorRegistry(GatewayHome gateway) {
        return ConnectorRegistry.load(gateway.path(), ConnectorsConfiguration.class.getClassLoader());
    }

    @Bean
    EnvironmentVariables environmentVariables() {
        return EnvironmentVariables.SYSTEM;
    }

    @Bean
    HostAllowList hostAllowList(ConnectorsProperties settings) {
        return new HostAllowList(settings.allowedHosts());
    }

    @Bean
    OutboundHttp outboundHttp(HostAllowList hosts, ConnectorsProperties settings) {
        return new OutboundHttp(hosts, settings.outboundLimits());
    }

    @Bean
    DefinitionValidator definitionValidator(ConnectorRegistry registry, RecordMapper mapper, HostAllowList hosts,
                                            EnvironmentVariables env, ConnectorsProperties settings,
                                            ObjectProvider<ConnectorLifecycle> lifecycles) {
        // push connectors need no driver of their own: the feed endpoint hands them their posts
        Set<ConnectorKind> runnable = EnumSet.of(ConnectorKind.PUSH);
        lifecycles.orderedStream().forEach(l -> runnable.add(l.kind()));
        return new DefinitionValidator(registry, mapper, hosts, env, settings.tick(), runnable);
    }

    @Bean
    ConnectorRuntime connectorRuntime(ConnectorRegistry registry, EnvironmentVariables env, OutboundHttp http,
                                      ConnectorsProperties settings, Clock clock,
                                      ObjectProvider<ConnectorLifecycle> lifecycles) {
        return new ConnectorRuntime(new InstanceFactory(registry, env, http, settings, clock),
                lifecycles.orderedStream().toList(), clock);
    }

    @Bean
    ConnectorAdmin connectorAdmin(DefinitionValidator validator, DefinitionStore store, ConnectorRuntime runtime,
                                  ConnectorsProperties settings, CheckpointStore checkpoints) {
        return new ConnectorAdmin(validator, store, runtime, new DefinitionFolder(settings.dir()), checkpoints);
    }

    @Bean
    ConnectorStartup connectorStartup(ConnectorsProperties settings, DefinitionStore store, DefinitionValidator validator,
                                      ConnectorRuntime runtime, CheckpointStore checkpoints) {
        return new ConnectorStartup(new DefinitionFolder(settings.dir()), store, validator, runtime, checkpoints);
    }
}
