package dev.subsidy.runtime.file;

import dev.subsidy.intake.FeedIntake;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.ConnectorsProperties;
import dev.subsidy.runtime.GatewayHome;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.runtime.pull.ConnectorBackoff;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the file inbox: the route template and its shared error handling (Camel Spring Boot picks up
 * both builders), the steps, and {@link InboxRoutes}, which instantiates the template per file
 * connector. Failing connectors back off like pull connectors ({@code gateway.connectors.*-backoff}).
 */
@Configuration(proxyBeanMethods = false)
class FileConfiguration {

    @Bean
    FileReports fileReports(GatewayHome gateway) {
        return new FileReports(gateway.path());
    }

    @Bean
    InboxFailures inboxFailures(ConnectorsProperties settings, ConnectorRuns runs, Clock clock) {
        return new InboxFailures(new ConnectorBackoff(settings.initialBackoff(), settings.maxBackoff()), runs, clock);
    }

    @Bean
    InboxRoutes inboxRoutes(CamelContext camel, GatewayHome gateway, ConnectorsProperties settings,
                            InboxFailures failures, Clock clock) {
        return new InboxRoutes(camel, gateway.path(), settings.tick(), failures, clock);
    }

    @Bean
    InboxRouteConfiguration inboxRouteConfiguration(InboxFailures failures) {
        return new InboxRouteConfiguration(failures);
    }

    /** The runtime is looked up lazily: it holds {@link InboxRoutes}, whose routes these steps run in. */
    @Bean
    InboxRouteTemplate inboxRouteTemplate(ObjectProvider<ConnectorRuntime> runtime, RecordMapper mapper, FeedIntake intake,
                                          InboxRoutes routes, ConnectorRuns runs, Clock clock) {
        return new InboxRouteTemplate(new ClaimStep(runtime, clock), new ReadStep(), new StoreStep(mapper, intake),
                new OutcomeStep(routes, runs, clock));
    }
}
