package dev.subsidy.gateway.delivery;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * The delivery worker: every {@code gateway.award.poll-interval} one tick of
 * {@link DeliveryDispatcher#deliverDue()}. The timer runs at a fixed delay (not a fixed rate), so a
 * slow tick is never followed by a burst of catch-up ticks, and one timer thread means batches are
 * never sent twice at once by this gateway.
 */
class DeliveryRoute extends RouteBuilder {

    static final String ROUTE_ID = "award-delivery";

    private final DeliveryDispatcher dispatcher;
    private final Duration pollInterval;

    DeliveryRoute(DeliveryDispatcher dispatcher, Duration pollInterval) {
        this.dispatcher = dispatcher;
        this.pollInterval = pollInterval;
    }

    @Override
    public void configure() {
        // the URI holds only numbers from validated settings, never message data
        fromF("timer:%s?period=%d&delay=%d&fixedRate=false&includeMetadata=false",
                ROUTE_ID, pollInterval.toMillis(), pollInterval.toMillis())
                .routeId(ROUTE_ID)
                .routeConfigurationId(DeliveryRouteConfiguration.ID)
                .process(exchange -> exchange.getMessage().setBody(dispatcher.deliverDue()));
    }
}
