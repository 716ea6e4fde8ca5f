package dev.subsidy.runtime.file;

import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.RunTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the file out of the inbox once its rows are committed, to the folder its outcome decides
 * (which is why Camel's own move options are not used: they know success or failure of the
 * exchange, not of the rows): {@code done/} when every row was accepted or already held, otherwise
 * {@code failed/} with its {@code .errors.csv} report written first. Marks the connector IDLE again; a
 * file that cannot be read is also shown as its last error.
 *
 * <p>A crash after the commit and before the move leaves the file in the inbox: it is read again and
 * its rows come back as duplicates, which is why the connector's read must be idempotent.
 */
final class OutcomeStep implements Processor {

    private static final Logger log = LoggerFactory.getLogger(OutcomeStep.class);

    private final InboxRoutes routes;
    private final ConnectorRuns runs;
    private final Clock clock;

    OutcomeStep(InboxRoutes routes, ConnectorRuns runs, Clock clock) {
        this.routes = routes;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws IOException {
        ConnectorInstance instance = exchange.getProperty(InboxHeaders.INSTANCE, ConnectorInstance.class);
        Path file = exchange.getProperty(InboxHeaders.FILE, Path.class);
        String unreadable = exchange.getProperty(InboxHeaders.UNREADABLE, String.class);
        IntakeReceipt receipt = exchange.getProperty(InboxHeaders.RECEIPT, IntakeReceipt.class);
        ErrorReport report = unreadable != null ? ErrorReport.unreadable(unreadable)
                : ErrorReport.of(receipt, exchange.getProperty(InboxHeaders.POSITIONS, List.class));
        Inbox inbox = new Inbox(file.getParent());
        Path target = Destinations.free(report.isEmpty() ? inbox.done() : inbox.failed(), file.getFileName().toString());
        if (!report.isEmpty()) {
            report.writeTo(target.resolveSibling(target.getFileName() + ErrorReport.SUFFIX));
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        routes.forget(instance.id(), file);

        Instant now = clock.instant();
        instance.status().succeeded(now, now);
        instance.status().runEnded();
        RunTally tally = exchange.getProperty(InboxHeaders.TALLY, RunTally.class);
        if (receipt != null) {
            tally.add(receipt);
        }
        String name = file.getFileName().toString();
        String movedTo = inbox.dir().relativize(target).toString().replace('\\', '/');
        ConnectorRuns.FileOutcome where = report.isEmpty() ? ConnectorRuns.FileOutcome.DONE : ConnectorRuns.FileOutcome.FAILED;
        runs.record(unreadable != null
                ? tally.file(instance.id(), now, ConnectorRuns.Outcome.FAILED, name + " cannot be read: " + unreadable, name, where, movedTo)
                : tally.file(instance.id(), now, ConnectorRuns.Outcome.OK, report.isEmpty() ? null
                        : report.lines().size() + " row(s) refused, listed in " + movedTo + ErrorReport.SUFFIX, name, where, movedTo));
        if (unreadable != null) {
            instance.status().refused(now, file.getFileName() + " cannot be read: " + unreadable);
            log.warn("connector {}: {} cannot be read, moved to {}: {}", instance.id(), file.getFileName(), target, unreadable);
        } else {
            log.info("connector {}: {} read, {} accepted, {} duplicates, {} rejected; moved to {}", instance.id(),
                    file.getFileName(), receipt.accepted(), receipt.duplicates(), receipt.rejected().size(), target);
        }
    }
}
