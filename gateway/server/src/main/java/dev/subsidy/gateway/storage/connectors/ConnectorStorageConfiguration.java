package dev.subsidy.gateway.storage.connectors;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The connector runtime's stores, in the gateway's database. */
@Configuration(proxyBeanMethods = false)
class ConnectorStorageConfiguration {

    @Bean
    JdbcDefinitionStore definitionStore(JdbcTemplate jdbc, Clock clock) {
        return new JdbcDefinitionStore(jdbc, clock);
    }

    @Bean
    JdbcConnectorCounters connectorCounters(JdbcTemplate jdbc) {
        return new JdbcConnectorCounters(jdbc);
    }

    @Bean
    JdbcCheckpointStore checkpointStore(JdbcTemplate jdbc, Clock clock) {
        return new JdbcCheckpointStore(jdbc, clock);
    }

    @Bean
    JdbcConnectorRuns connectorRuns(JdbcTemplate jdbc) {
        return new JdbcConnectorRuns(jdbc);
    }

    @Bean
    JdbcTraceEventStore traceEventStore(JdbcTemplate jdbc) {
        return new JdbcTraceEventStore(jdbc);
    }
}
