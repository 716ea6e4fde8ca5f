package dev.subsidy.runtime.pull;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of every pull connector route, declared once. A failed run is marked on its
 * connector (FAILING, last error, backoff) by {@link RunFailed} and marked handled: the exchange is
 * a timer tick that carries no data of its own, the batch it was storing was rolled back whole and
 * its checkpoint did not move, so the partner still holds everything and the retry re-reads it.
 * Not redelivered in place: the backoff is the connector's, so a failing connector waits without
 * holding its thread.
 */
final class PullRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "pull-connector-errors";

    private final RunFailed failed;

    PullRouteConfiguration(RunFailed failed) {
        this.failed = failed;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .maximumRedeliveries(0)
                .handled(true)
                .logExhausted(false)
                .process(failed);
    }
}
