package dev.subsidy.gateway.delivery;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires delivery: the outbox reader, the intake client, the gate, one tick, and the Camel route
 * that drives it (Camel Spring Boot picks up the two route builders).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    DeliveryGate deliveryGate() {
        return new DeliveryGate();
    }

    @Bean // AutoCloseable: Spring closes the connection pool on shutdown
    AwardIntakeClient awardIntakeClient(DeliveryProperties settings, Clock clock) {
        return new AwardIntakeClient(settings, clock);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(AwardIntakeClient client, DeliveryStore store, DeliveryGate gate,
                                          DeliveryProperties settings, Clock clock,
                                          ObjectProvider<AttemptObserver> attempts) {
        return new DeliveryDispatcher(client, store, gate, settings, clock,
                DeliveryDispatcher.DEFAULT_BATCHES_PER_TICK, attempts.getIfAvailable(() -> AttemptObserver.NONE));
    }

    @Bean
    DeliveryRoute deliveryRoute(DeliveryDispatcher dispatcher, DeliveryProperties settings) {
        return new DeliveryRoute(dispatcher, settings.pollInterval());
    }
}
