package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.file.FileConnectorProvider;
import dev.subsidy.connector.file.FileStability;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorLifecycle;
import dev.subsidy.runtime.ConnectorRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * Drives file connectors: when one starts, its inbox folders are created and a route from
 * {@link InboxRouteTemplate} watches the inbox; when it is stopped or replaced the route is removed
 * (a file being read is finished first, within {@link #STOP_TIMEOUT}). Route ids are
 * {@code inbox-<id>}. A definition that cannot be used gets its folders but no route: its problems
 * show in the connector list.
 */
public final class InboxRoutes implements ConnectorLifecycle {

    /** How long removing a route waits for a file being read. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final CamelContext camel;
    private final Path home;
    private final Duration tick;
    private final InboxFailures failures;
    private final Clock clock;
    private final Map<String, InboxFilter> filters = new ConcurrentHashMap<>();
    /** Makes each route's filter bean, and so its endpoint URI, its own: a replaced route never reuses the old endpoint. */
    private final AtomicLong generation = new AtomicLong();

    InboxRoutes(CamelContext camel, Path home, Duration tick, InboxFailures failures, Clock clock) {
        this.camel = camel;
        this.home = home;
        this.tick = tick;
        this.failures = failures;
        this.clock = clock;
    }

    public static String routeId(String connectorId) {
        return "inbox-" + connectorId;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.FILE;
    }

    @Override
    public void started(ConnectorInstance instance) {
        if (instance.kind().orElse(null) != ConnectorKind.FILE) {
            return;
        }
        Inbox inbox = Inbox.of(home, instance.id()).create();
        if (!instance.status().isUsable()) {
            return;
        }
        Duration quiet = instance.config().getDuration(FileConnectorProvider.QUIET_PERIOD);
        InboxFilter filter = new InboxFilter(instance, new FileStability(quiet, clock), failures, clock);
        String filterBean = "inboxFilter-" + instance.id() + "-" + generation.incrementAndGet();
        filters.put(instance.id(), filter);
        try {
            TemplatedRouteBuilder.builder(camel, InboxRouteTemplate.TEMPLATE_ID)
                    .routeId(routeId(instance.id()))
                    .parameter(InboxHeaders.PARAM_CONNECTOR_ID, instance.id())
                    .parameter(InboxHeaders.PARAM_INBOX, inbox.dir().toString())
                    .parameter(InboxHeaders.PARAM_FILTER, filterBean)
                    .parameter(InboxHeaders.PARAM_DELAY_MILLIS, String.valueOf(tick.toMillis()))
                    .bean(filterBean, filter)
                    .add();
        } catch (RuntimeException e) {
            filters.remove(instance.id(), filter);
            throw new IllegalStateException("cannot start the inbox route of connector " + instance.id(), e);
        }
    }

    @Override
    public void stopped(ConnectorInstance instance) {
        filters.remove(instance.id());
        ConnectorRoutes.remove(camel, routeId(instance.id()), STOP_TIMEOUT, "inbox route", instance.id());
    }

    /** The file left the inbox: what its connector's filter observed of it is no longer needed. */
    void forget(String connectorId, Path file) {
        InboxFilter filter = filters.get(connectorId);
        if (filter != null) {
            filter.forget(file.toFile());
        }
    }
}
