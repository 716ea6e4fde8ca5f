package dev.subsidy.gateway.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.DeliveryGate;
import dev.subsidy.gateway.delivery.DeliveryStore;
import dev.subsidy.gateway.health.HealthProperties;
import dev.subsidy.runtime.ConnectorRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires notifications when a webhook is configured; without one nothing here exists and no route runs.
 * Camel Spring Boot picks up the two route builders.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WebhooksConfigured.class)
class NotificationConfiguration {

    @Bean // AutoCloseable: Spring closes the connection pool on shutdown
    WebhookClient webhookClient(NotificationProperties settings, Clock clock) {
        return new WebhookClient(settings, clock);
    }

    @Bean
    IncidentNotifier incidentNotifier(NotificationProperties settings, HealthProperties health, IncidentStore store,
                                      WebhookClient client, ObjectProvider<ConnectorRuntime> runtime, DeliveryGate gate,
                                      AwardIntakeClient intake, DeliveryStore deliveries, DeliveredPushes pushes,
                                      GatewayProperties gateway, ObjectMapper json,
                                      ObjectProvider<MeterRegistry> registry, Clock clock) {
        List<Watch> watches = List.of(
                new ConnectorFailingWatch(runtime),
                new DeliveryPausedWatch(gate, intake, deliveries, pushes),
                new DeliveryBacklogWatch(deliveries, intake,
                        settings.backlogAge() != null ? settings.backlogAge() : health.deliveryBacklogAge()));
        return new IncidentNotifier(watches, settings.webhooks(), store, client,
                new NoticeBody(json, gateway.jurisdiction().name()), new NotificationCounter(registry.getIfAvailable()), clock);
    }

    @Bean
    NotificationRoute notificationRoute(IncidentNotifier notifier, NotificationProperties settings) {
        return new NotificationRoute(notifier, settings.checkInterval());
    }
}
