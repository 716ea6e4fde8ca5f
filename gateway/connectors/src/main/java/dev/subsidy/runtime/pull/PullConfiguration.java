package dev.subsidy.runtime.pull;

import dev.subsidy.intake.FeedIntake;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.ConnectorsProperties;
import dev.subsidy.runtime.RunObserver;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pull runtime: the route template and its shared error handling (Camel Spring Boot picks
 * up both builders), the steps, and {@link PullRoutes}, which instantiates the template per connector.
 */
@Configuration(proxyBeanMethods = false)
class PullConfiguration {

    @Bean
    PullRoutes pullRoutes(CamelContext camel, ConnectorsProperties settings) {
        return new PullRoutes(camel, settings.tick());
    }

    @Bean
    PullRouteConfiguration pullRouteConfiguration(ConnectorsProperties settings, ConnectorRuns runs, Clock clock,
                                                  ObjectProvider<RunObserver> observer) {
        return new PullRouteConfiguration(new RunFailed(new ConnectorBackoff(settings.initialBackoff(), settings.maxBackoff()),
                runs, clock, observer.getIfAvailable(() -> RunObserver.NONE)));
    }

    /** The runtime is looked up lazily: it is told about routes by {@link PullRoutes}, which it holds. */
    @Bean
    PullRouteTemplate pullRouteTemplate(ObjectProvider<ConnectorRuntime> runtime, CheckpointStore checkpoints,
                                        RecordMapper mapper, FeedIntake intake, ConnectorsProperties settings,
                                        ConnectorRuns runs, Clock clock, ObjectProvider<RunObserver> observer) {
        return new PullRouteTemplate(new DueCheck(runtime, clock), new PollStep(checkpoints), new MapStep(mapper),
                new StoreStep(intake, checkpoints, settings.maxBatchesPerRun()),
                new RunSucceeded(runs, clock, observer.getIfAvailable(() -> RunObserver.NONE)));
    }
}
