package dev.subsidy.gateway.intake;

import dev.subsidy.intake.FeedIntake;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.assembly.TraceAssembler;
import dev.subsidy.runtime.assembly.TraceEventStore;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.runtime.push.DefinitionFeederTokens;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires push connectors into the feed endpoint (their posts) and the token filter (their feeders' tokens). */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    @Bean
    PushIntake pushIntake(ConnectorRuntime runtime, RecordMapper mapper, FeedIntake intake, Clock clock,
                          TraceEventStore traceEvents) {
        return new PushIntake(runtime, mapper, intake, clock, new TraceAssembler(traceEvents, mapper));
    }

    @Bean
    DefinitionFeederTokens definitionFeederTokens(ObjectProvider<ConnectorRuntime> runtime) {
        return new DefinitionFeederTokens(runtime);
    }
}
