package dev.subsidy.gateway.notifications;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the notification route, as the delivery route's: a failing check (the database busy
 * or gone, a bug) is logged with its stack trace and not redelivered. Incidents and notices not yet
 * delivered are in the database, so the next check is the retry.
 */
class NotificationRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "notifications-errors";

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
