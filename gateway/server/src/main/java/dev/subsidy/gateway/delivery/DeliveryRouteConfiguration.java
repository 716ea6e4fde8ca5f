package dev.subsidy.gateway.delivery;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the delivery route, declared once. A failing tick (database busy or gone, a bug)
 * is logged with its stack trace and not redelivered: the batches it touched are still PENDING in
 * the outbox, so the next tick is the retry. Nothing is marked handled, nothing is lost.
 */
class DeliveryRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "award-delivery-errors";

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
