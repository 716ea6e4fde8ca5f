package dev.subsidy.gateway.connectors.push;

import dev.subsidy.gateway.connectors.ConnectorRuntime;
import dev.subsidy.gateway.connectors.assembly.TraceAssembler;
import dev.subsidy.gateway.connectors.assembly.TraceEventStore;
import dev.subsidy.gateway.connectors.mapping.RecordMapper;
import dev.subsidy.intake.FeedIntake;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires push connectors into the feed endpoint (their posts) and the token filter (their feeders' tokens). */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    @Bean
    PushIntake pushIntake(ConnectorRuntime runtime, RecordMapper mapper, FeedIntake intake, Clock clock, JdbcTemplate jdbc) {
        return new PushIntake(runtime, mapper, intake, clock, new TraceAssembler(new TraceEventStore(jdbc), mapper));
    }

    @Bean
    DefinitionFeederTokens definitionFeederTokens(ObjectProvider<ConnectorRuntime> runtime) {
        return new DefinitionFeederTokens(runtime);
    }
}
