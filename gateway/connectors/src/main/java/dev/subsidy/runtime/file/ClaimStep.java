package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.RunTally;
import java.io.File;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Fixes the connector instance and the file for the whole exchange, so a definition replaced while a
 * file is read does not mix two instances. A connector gone in between fails the exchange: the file
 * stays for the connector's next route.
 */
final class ClaimStep implements Processor {

    /** Lazy: the runtime holds the lifecycle that holds the routes these steps belong to. */
    private final ObjectProvider<ConnectorRuntime> runtime;

    private final Clock clock;

    ClaimStep(ObjectProvider<ConnectorRuntime> runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        String id = exchange.getMessage().getHeader(InboxHeaders.CONNECTOR_ID, String.class);
        ConnectorInstance instance = runtime.getObject().find(id)
                .filter(i -> i.kind().orElse(null) == ConnectorKind.FILE)
                .orElseThrow(() -> new IllegalStateException("file connector " + id + " is no longer running"));
        GenericFile<?> file = exchange.getMessage().getBody(GenericFile.class);
        exchange.setProperty(InboxHeaders.INSTANCE, instance);
        exchange.setProperty(InboxHeaders.FILE, ((File) file.getFile()).toPath());
        exchange.setProperty(InboxHeaders.TALLY, new RunTally(clock.instant()));
        instance.status().runStarted(); // ended by OutcomeStep, or by InboxFailures when the file stays
    }
}
