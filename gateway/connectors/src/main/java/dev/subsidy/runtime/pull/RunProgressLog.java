package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.runtime.RunTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of a long pull run (a backfill after a checkpoint reset pages through many windows): one
 * per page stored from the second page on, with the records so far and where the run stands. A run of
 * one page, the everyday case, writes none: its history entry says it all. The checkpoint is printed as
 * it is stored: by contract it holds nothing secret.
 */
final class RunProgressLog {

    private static final Logger log = LoggerFactory.getLogger(RunProgressLog.class);

    void stored(String connectorId, RunTally tally, Checkpoint at) {
        String line = line(connectorId, tally, at);
        if (line != null) {
            log.info(line);
        }
    }

    /** The line for this page, or null when the run has stored only one page so far. */
    static String line(String connectorId, RunTally tally, Checkpoint at) {
        if (tally.pages() < 2) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "connector %s: page %,d of this run stored, %,d records so far (%,d accepted, %,d duplicates, %,d rejected),"
                        + " now at %s",
                connectorId, tally.pages(), tally.recordsIn(), tally.accepted(), tally.duplicates(), tally.rejected(),
                at.isNone() ? "the start" : at.asMap());
    }
}
