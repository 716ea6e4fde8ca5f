package dev.subsidy.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;

/** What pull and inbox routes share when their connector stops: the route is stopped, then removed. */
public final class ConnectorRoutes {

    private ConnectorRoutes() {}

    /**
     * Stops the route (a run or a file in flight finishes, within {@code timeout}) and removes it; a
     * route that is not there is left alone.
     *
     * @param what how messages name the route: "route", "inbox route"
     */
    public static void remove(CamelContext camel, String routeId, Duration timeout, String what, String connectorId) {
        if (camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId, timeout.toSeconds(), TimeUnit.SECONDS);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the " + what + " of connector " + connectorId, e);
        }
    }
}
