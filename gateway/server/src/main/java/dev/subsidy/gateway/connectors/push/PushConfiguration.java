package dev.subsidy.gateway.connectors.push;

import dev.subsidy.gateway.connectors.ConnectorRuntime;
import dev.subsidy.gateway.connectors.mapping.RecordMapper;
import dev.subsidy.gateway.intake.FeedIntake;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires push connectors into the feed endpoint (their posts) and the token filter (their feeders' tokens). */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    @Bean
    PushIntake pushIntake(ConnectorRuntime runtime, RecordMapper mapper, FeedIntake intake, Clock clock) {
        return new PushIntake(runtime, mapper, intake, clock);
    }

    @Bean
    DefinitionFeederTokens definitionFeederTokens(ObjectProvider<ConnectorRuntime> runtime) {
        return new DefinitionFeederTokens(runtime);
    }
}
