package dev.subsidy.gateway.demo;

import dev.subsidy.runtime.definition.EnvironmentVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The environment the demo's connectors resolve their {@code ${env:NAME}} secrets from. A running
 * JVM cannot set its own environment variables, and the demo's partner credentials are made up per
 * run ({@link DemoRun}), so in the demo profile this bean answers those names and passes every other
 * name to the real environment. {@code @Primary}: the production bean
 * ({@code ConnectorsConfiguration.environmentVariables()}) stays as it is, unchanged and unused here.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoEnvironment {

    @Bean
    @Primary
    EnvironmentVariables demoEnvironmentVariables(DemoRun run) {
        return name -> run.partnerSecret(name).or(() -> EnvironmentVariables.SYSTEM.get(name));
    }
}
