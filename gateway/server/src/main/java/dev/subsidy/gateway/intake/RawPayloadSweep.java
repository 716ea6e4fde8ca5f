package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.storage.intake.RawPayloadRetention;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of the retention route: the text of every raw payload past its expiry goes, in bounded
 * batches (docs/records.md "Provenance"). A failure leaves the rest for the next tick: nothing is
 * half-removed, a batch commits whole or not at all.
 */
class RawPayloadSweep {

    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(RawPayloadSweep.class);

    private final RawPayloadRetention retention;
    private final Clock clock;

    RawPayloadSweep(RawPayloadRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** @return how many raw payloads were removed */
    int sweep() {
        Instant now = clock.instant();
        int total = 0;
        int removed;
        do {
            removed = retention.forgetExpired(now, BATCH);
            total += removed;
        } while (removed == BATCH);
        if (total > 0) {
            log.info("raw payloads: {} past their retention removed (their hashes stay on the record versions)", total);
        }
        return total;
    }
}
