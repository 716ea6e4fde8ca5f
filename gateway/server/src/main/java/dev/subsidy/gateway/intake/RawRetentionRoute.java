package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.routes.TickErrors;
import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.support.LoggingExceptionHandler;

/**
 * The retention of raw payloads: every {@code gateway.intake.raw-sweep-interval} one
 * {@link RawPayloadSweep}. Fixed delay, so a long sweep is never followed by a burst of catch-up
 * ticks; failures are handled by {@link TickErrors}.
 */
class RawRetentionRoute extends RouteBuilder {

    static final String ROUTE_ID = "raw-payload-retention";

    private final RawPayloadSweep sweep;
    private final Duration interval;

    RawRetentionRoute(RawPayloadSweep sweep, Duration interval) {
        this.sweep = sweep;
        this.interval = interval;
    }

    @Override
    public void configure() {
        // the URI holds only numbers from validated settings, never message data
        TimerEndpoint timer = endpoint(String.format("timer:%s?period=%d&delay=%d&fixedRate=false&includeMetadata=false",
                ROUTE_ID, interval.toMillis(), interval.toMillis()), TimerEndpoint.class);
        // the route's error handler logs a failed tick once, at ERROR; the timer's own report would double it
        timer.setExceptionHandler(new LoggingExceptionHandler(getContext(), RawRetentionRoute.class, LoggingLevel.DEBUG));

        from(timer)
                .routeId(ROUTE_ID)
                .routeConfigurationId(TickErrors.ID)
                .process(exchange -> exchange.getMessage().setBody(sweep.sweep()));
    }
}
