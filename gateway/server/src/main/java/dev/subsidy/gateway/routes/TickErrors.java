package dev.subsidy.gateway.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the gateway's timer routes (award delivery, notifications, raw payload retention),
 * declared once: a failing tick (the database busy or gone, a bug) is logged with its stack trace and
 * not redelivered. Each of them keeps its work in the database — batches still PENDING, notices not yet
 * taken, payloads still past their expiry — so the next tick is the retry; nothing is marked handled,
 * nothing is lost.
 */
public final class TickErrors extends RouteConfigurationBuilder {

    /** The id a timer route names in {@code routeConfigurationId}. */
    public static final String ID = "tick-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(defaultErrorHandler()
                .maximumRedeliveries(0)
                .logExhausted(true)
                .logStackTrace(true)
                .logExhaustedMessageHistory(false)
                .retriesExhaustedLogLevel(LoggingLevel.ERROR));
    }
}
