package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.file.FileStability;
import dev.subsidy.connector.file.InboxFileNames;
import dev.subsidy.runtime.ConnectorInstance;
import java.io.File;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files of one inbox the route takes, checked at every listing: none while the connector is
 * paused or backing off after a failure; of the others only those its type accepts (by name) and
 * that {@link FileStability} finds READY, so a file still being written (or copied, or uploaded) is
 * never read half-way. A file the type refuses stays where it is and is reported once.
 *
 * <p>One per connector instance and route (a replaced definition gets a new filter, so its quiet
 * period applies at once); called by the route's one consumer thread.
 */
final class InboxFilter implements GenericFileFilter<File> {

    private static final Logger log = LoggerFactory.getLogger(InboxFilter.class);

    private final ConnectorInstance instance;
    private final FileStability stability;
    private final InboxFailures failures;
    private final Clock clock;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    InboxFilter(ConnectorInstance instance, FileStability stability, InboxFailures failures, Clock clock) {
        this.instance = instance;
        this.stability = stability;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory() || !instance.status().isDue(clock.instant())) {
            return false;
        }
        FileConnector connector;
        try {
            connector = instance.file();
        } catch (ConnectorException | RuntimeException e) {
            // the type cannot start with these settings: FAILING with backoff, as for a failed file
            failures.failed(instance, null, null, e);
            return false;
        }
        String name = file.getFileNameOnly();
        if (!InboxFileNames.isCandidate(name)) {
            return false; // a copy in progress (*.part, *.tmp …) or hidden: expected, not worth a warning
        }
        if (!connector.accepts(name)) {
            if (refused.add(name)) {
                log.warn("connector {}: {} is not a file its type '{}' reads; left in the inbox", instance.id(), name,
                        instance.definition().type());
            }
            return false;
        }
        FileStability.Verdict verdict = stability.check(file.getFile().toPath());
        if (!verdict.ready()) {
            log.debug("connector {}: {} not taken yet: {}", instance.id(), name, verdict.reason());
        }
        return verdict.ready();
    }

    /** The file left the inbox: its observations are no longer needed. */
    void forget(File file) {
        stability.forget(file.toPath());
    }
}
