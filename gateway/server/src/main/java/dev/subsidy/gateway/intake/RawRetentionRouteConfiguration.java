package dev.subsidy.gateway.intake;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the retention route, as the delivery route's: a failing tick (database busy or
 * gone) is logged with its stack trace and not redelivered. The payloads it did not reach are still
 * past their expiry, so the next tick is the retry; nothing is lost by waiting.
 */
class RawRetentionRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "raw-payload-retention-errors";

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
