package dev.subsidy.gateway.period.progress;

import dev.subsidy.model.Period;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The progress of each period's running or last close since the gateway started. Held in memory only:
 * a restart forgets it, and the close's result stays in the close log and the figures.
 */
@Component
public class CloseProgressBoard {

    /** A log line at least this often while a phase runs... */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** ...and one each time this many more units are done, whichever comes first. */
    static final long LOG_EVERY_UNITS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(CloseProgressBoard.class);

    private final Map<String, CloseTracker> latest = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ProgressLine.Sink sink;
    private final Duration logEvery;
    private final long logEveryUnits;

    @Autowired
    CloseProgressBoard(Clock clock) {
        this(clock, log::info, LOG_EVERY, LOG_EVERY_UNITS);
    }

    CloseProgressBoard(Clock clock, ProgressLine.Sink sink, Duration logEvery, long logEveryUnits) {
        this.clock = clock;
        this.sink = sink;
        this.logEvery = logEvery;
        this.logEveryUnits = logEveryUnits;
    }

    /** A close of the period begins: from now on it is the one its progress view shows. */
    public CloseProgress begin(Period period) {
        CloseTracker tracker = new CloseTracker(period.toString(), clock,
                new ProgressLine("close " + period, clock, sink, logEvery, logEveryUnits));
        latest.put(period.toString(), tracker);
        return tracker;
    }

    /** The running or last close of the period since the gateway started. */
    public Optional<CloseProgressView> of(Period period) {
        return Optional.ofNullable(latest.get(period.toString())).map(CloseTracker::view);
    }
}
