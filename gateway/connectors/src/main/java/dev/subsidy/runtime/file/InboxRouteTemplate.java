package dev.subsidy.runtime.file;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * The one route every file connector runs, instantiated per connector by {@link InboxRoutes}: the
 * inbox folder → claim → read → map and store (one transaction) → move to {@code done/} or
 * {@code failed/}. One file is one exchange, read whole.
 *
 * <p>The {@code file:} consumer lists the inbox (not its sub-folders) every tick and takes only what
 * the route's {@link InboxFilter} accepts: complete files, while the connector is neither paused nor
 * backing off. {@code noop=false}: the file is consumed. Where it goes is this route's decision
 * ({@link OutcomeStep} moves it before the exchange ends), so Camel is only asked to delete it on
 * success, which it then finds already gone; on failure Camel rolls back and the file stays. Each
 * connector has its own consumer thread: one slow file never delays another connector's.
 */
final class InboxRouteTemplate extends EndpointRouteBuilder {

    static final String TEMPLATE_ID = "inbox-connector";

    private final ClaimStep claim;
    private final ReadStep read;
    private final StoreStep store;
    private final OutcomeStep outcome;

    InboxRouteTemplate(ClaimStep claim, ReadStep read, StoreStep store, OutcomeStep outcome) {
        this.claim = claim;
        this.read = read;
        this.store = store;
        this.outcome = outcome;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter(InboxHeaders.PARAM_CONNECTOR_ID)
                .templateParameter(InboxHeaders.PARAM_INBOX)
                .templateParameter(InboxHeaders.PARAM_FILTER)
                .templateParameter(InboxHeaders.PARAM_DELAY_MILLIS)
                .from(file("{{" + InboxHeaders.PARAM_INBOX + "}}")
                        .noop(false)
                        .delete(true)
                        .recursive(false)
                        .filter("#{{" + InboxHeaders.PARAM_FILTER + "}}")
                        .sortBy("file:modified") // oldest first: a later export may correct an earlier one
                        .delay("{{" + InboxHeaders.PARAM_DELAY_MILLIS + "}}")
                        .initialDelay("{{" + InboxHeaders.PARAM_DELAY_MILLIS + "}}"))
                .routeConfigurationId(InboxRouteConfiguration.ID)
                .setHeader(InboxHeaders.CONNECTOR_ID, constant("{{" + InboxHeaders.PARAM_CONNECTOR_ID + "}}"))
                .process(claim)
                .process(read)
                .process(store)
                .process(outcome);
    }
}
