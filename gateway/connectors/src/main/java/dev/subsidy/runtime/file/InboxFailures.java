package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.RunTally;
import dev.subsidy.runtime.pull.ConnectorBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file could not be taken in (the connector did not start, the database refused the batch, the
 * file could not be moved): the connector becomes FAILING with the error, stripped of its secrets,
 * and its inbox is not read again until the backoff has passed. The file itself stays in the inbox
 * (nothing of it was committed, or what was is committed again as duplicates), so the retry reads it
 * again. Thread-safe.
 */
final class InboxFailures {

    private static final Logger log = LoggerFactory.getLogger(InboxFailures.class);

    private final ConnectorBackoff backoff;
    private final ConnectorRuns runs;
    private final Clock clock;

    InboxFailures(ConnectorBackoff backoff, ConnectorRuns runs, Clock clock) {
        this.backoff = backoff;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * @param file the file that stays, or null when the failure came before one was chosen
     * @param tally what the file's run began with, or null when no file was claimed
     */
    void failed(ConnectorInstance instance, String file, RunTally tally, Throwable failure) {
        Instant now = clock.instant();
        String error = instance.redactor().describe(failure);
        int failures = instance.status().failed(now, file == null ? error : file + ": " + error);
        Optional<Duration> retryAfter = failure instanceof ConnectorException ce ? ce.retryAfter() : Optional.empty();
        Duration wait = backoff.after(failures, retryAfter);
        instance.status().retryAt(now.plus(wait));
        if (tally != null) {
            instance.status().runEnded();
            // the file's transaction was rolled back: nothing of it counts, whatever the tally saw
            runs.record(new RunTally(tally.startedAt()).file(instance.id(), now, ConnectorRuns.Outcome.FAILED, error, file,
                    ConnectorRuns.FileOutcome.RETRYING, null));
        }
        log.warn("connector {}: {} stays in the inbox (attempt {}), next attempt in {}: {}", instance.id(),
                file == null ? "no file taken" : file, failures, wait, error,
                failure instanceof ConnectorException ? null : instance.redactor().copy(failure));
    }
}
