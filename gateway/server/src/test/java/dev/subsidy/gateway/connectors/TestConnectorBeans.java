package dev.subsidy.gateway.connectors;

import dev.subsidy.runtime.definition.EnvironmentVariables;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The environment ConnectorRuntimeIT and ConnectorRestartIT run in (secret values, feeder tokens)
 * without touching the real process environment, and a mapper with one native mapping standing in for
 * the mapping engine. The ITs that share SharedGateway's context take theirs from its environment.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConnectorBeans {

    public static final String API_KEY = "it-api-key-7f3b9c2e51";
    public static final String LEAKY_KEY = "it-leaky-key-d41e88a0c3";
    public static final String FEEDER_TOKEN = "it-feeder-token-91ac55";
    public static final String OTHER_FEEDER_TOKEN = "it-other-feeder-token-04be77";

    public static final Map<String, String> ENV = Map.of(
            "IT_API_KEY", API_KEY,
            "IT_LEAKY_KEY", LEAKY_KEY,
            "IT_FEEDER_TOKEN", FEEDER_TOKEN,
            "IT_OTHER_FEEDER_TOKEN", OTHER_FEEDER_TOKEN);

    @Bean
    @Primary
    EnvironmentVariables testEnvironment() {
        return name -> Optional.ofNullable(ENV.get(name));
    }

    @Bean
    @Primary
    RecordMapper testMapper() {
        return new TestMapper();
    }
}
