package dev.subsidy.gateway.delivery;

import dev.subsidy.gateway.routes.TickErrors;
import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.support.LoggingExceptionHandler;

/**
 * The delivery worker: every {@code gateway.award.poll-interval} one tick of
 * {@link DeliveryDispatcher#deliverDue()}. The timer runs at a fixed delay (not a fixed rate), so a
 * slow tick is never followed by a burst of catch-up ticks, and one timer thread means batches are
 * never sent twice at once by this gateway. Failures are handled by {@link TickErrors}.
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
        TimerEndpoint timer = endpoint(String.format("timer:%s?period=%d&delay=%d&fixedRate=false&includeMetadata=false",
                ROUTE_ID, pollInterval.toMillis(), pollInterval.toMillis()), TimerEndpoint.class);
        // The route's error handler has already logged a failed tick at ERROR with its stack trace;
        // the timer's own report of the same exception would double every line while the database
        // is down, so it only shows at DEBUG.
        timer.setExceptionHandler(new LoggingExceptionHandler(getContext(), DeliveryRoute.class, LoggingLevel.DEBUG));

        from(timer)
                .routeId(ROUTE_ID)
                .routeConfigurationId(TickErrors.ID)
                .process(exchange -> exchange.getMessage().setBody(dispatcher.deliverDue()));
    }
}
