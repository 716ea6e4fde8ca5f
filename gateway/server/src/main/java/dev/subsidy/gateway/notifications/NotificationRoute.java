package dev.subsidy.gateway.notifications;

import dev.subsidy.gateway.routes.TickErrors;
import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.support.LoggingExceptionHandler;

/**
 * The notifier: every {@code gateway.notifications.check-interval} one {@link IncidentNotifier#check()}.
 * Its own timer thread at a fixed delay, so a webhook being retried holds up neither the delivery worker
 * nor the connectors, and a slow check is never followed by a burst of catch-up checks. Failures are
 * handled by {@link TickErrors}.
 */
class NotificationRoute extends RouteBuilder {

    static final String ROUTE_ID = "notifications";

    private final IncidentNotifier notifier;
    private final Duration interval;

    NotificationRoute(IncidentNotifier notifier, Duration interval) {
        this.notifier = notifier;
        this.interval = interval;
    }

    @Override
    public void configure() {
        // the URI holds only numbers from validated settings
        TimerEndpoint timer = endpoint(String.format("timer:%s?period=%d&delay=%d&fixedRate=false&includeMetadata=false",
                ROUTE_ID, interval.toMillis(), interval.toMillis()), TimerEndpoint.class);
        // the route's error handler already logged a failed check with its stack trace
        timer.setExceptionHandler(new LoggingExceptionHandler(getContext(), NotificationRoute.class, LoggingLevel.DEBUG));

        from(timer)
                .routeId(ROUTE_ID)
                .routeConfigurationId(TickErrors.ID)
                .process(exchange -> exchange.getMessage().setBody(notifier.check()));
    }
}
