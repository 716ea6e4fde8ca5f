package dev.subsidy.runtime.pull;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * The one route every pull connector runs, instantiated per connector by {@link PullRoutes}:
 * timer → due? → poll → map → intake (records and checkpoint in one transaction), looping at once
 * while the connector says there is more (within {@code gateway.connectors.max-batches-per-run}).
 * A batch travels as one exchange, never one exchange per record.
 *
 * <p>Each connector has its own timer (so its own thread): a slow or failing connector never delays
 * another. The timer only ticks; whether a tick runs is decided by {@link DueCheck} from the
 * connector's schedule, backoff, pause and run-now. Failures are handled once, in
 * {@link PullRouteConfiguration}.
 */
final class PullRouteTemplate extends EndpointRouteBuilder {

    static final String TEMPLATE_ID = "pull-connector";

    private final DueCheck due;
    private final PollStep poll;
    private final MapStep map;
    private final StoreStep store;
    private final RunSucceeded succeeded;

    PullRouteTemplate(DueCheck due, PollStep poll, MapStep map, StoreStep store, RunSucceeded succeeded) {
        this.due = due;
        this.poll = poll;
        this.map = map;
        this.store = store;
        this.succeeded = succeeded;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter(ConnectorHeaders.PARAM_CONNECTOR_ID)
                .templateParameter(ConnectorHeaders.PARAM_TICK_MILLIS)
                // fixed delay, not fixed rate: a long run is never followed by a burst of catch-up ticks
                .from(timer("connector-{{" + ConnectorHeaders.PARAM_CONNECTOR_ID + "}}")
                        .period("{{" + ConnectorHeaders.PARAM_TICK_MILLIS + "}}")
                        .delay("{{" + ConnectorHeaders.PARAM_TICK_MILLIS + "}}")
                        .fixedRate(false)
                        .includeMetadata(false))
                .routeConfigurationId(PullRouteConfiguration.ID)
                .setHeader(ConnectorHeaders.CONNECTOR_ID, constant("{{" + ConnectorHeaders.PARAM_CONNECTOR_ID + "}}"))
                .filter(due)
                    .setHeader(ConnectorHeaders.MORE, constant(true))
                    .setHeader(ConnectorHeaders.BATCHES, constant(0))
                    .loopDoWhile(header(ConnectorHeaders.MORE).isEqualTo(true))
                        .process(poll)
                        .process(map)
                        .process(store)
                    .end()
                    .process(succeeded)
                .end();
    }
}
