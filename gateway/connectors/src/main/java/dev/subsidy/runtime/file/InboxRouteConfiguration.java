package dev.subsidy.runtime.file;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.RunTally;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of every inbox route, declared once. A file that failed (its transaction, its move,
 * the connector's start) marks its connector FAILING with backoff and is deliberately NOT handled:
 * the exchange fails, so the file consumer rolls back and leaves the file in the inbox, and the
 * filter takes it again once the backoff has passed. Nothing is swallowed: the file is the data, and
 * it stays until it is stored and moved. Not redelivered in place: the connector's backoff decides
 * when, without holding the consumer thread.
 */
final class InboxRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "inbox-connector-errors";

    private final InboxFailures failures;

    InboxRouteConfiguration(InboxFailures failures) {
        this.failures = failures;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .maximumRedeliveries(0)
                .handled(false)
                .logExhausted(false) // InboxFailures logs it once, with the connector's secrets redacted
                .process(this::failed);
    }

    private void failed(Exchange exchange) {
        ConnectorInstance instance = exchange.getProperty(InboxHeaders.INSTANCE, ConnectorInstance.class);
        if (instance == null) {
            return; // the connector was gone before the file was claimed: its next route takes the file
        }
        Path file = exchange.getProperty(InboxHeaders.FILE, Path.class);
        failures.failed(instance, file == null ? null : file.getFileName().toString(),
                exchange.getProperty(InboxHeaders.TALLY, RunTally.class),
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }
}
