package dev.subsidy.gateway.intake.warmup;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.model.Period;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * 预热: reads, checks and stores made-up standard records through the intake as the gateway starts, before it says it
 * is ready ({@code gateway.feeds.warm-up-records}), each body in a transaction that is rolled back, so nothing is kept.
 * The JVM runs code slowly until it has compiled it:
 * a fresh gateway took its first 100,000 records of a JSON array at 30,900 records/s against 73,000–87,000 later, its
 * compiler taking most of a core meanwhile (docs/operations.md "Start-up"). After a restart, with feeds waiting, the
 * first minute is when speed counts.
 */
@Component
class IntakeWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntakeWarmUp.class);
    /** Records per made-up body, as feeds post them. */
    static final int BODY = 10_000;
    /** The formats the bodies take in turn: NDJSON most, as feeds post it most. */
    private static final FeedFormat[] FORMATS = {FeedFormat.NDJSON, FeedFormat.JSON, FeedFormat.NDJSON, FeedFormat.CSV};

    private final FeedIntake intake;
    private final int records;
    private final Clock clock;

    IntakeWarmUp(FeedIntake intake, GatewayProperties properties, Clock clock) {
        this.intake = intake;
        this.records = properties.feeds().warmUpRecords();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (records == 0) {
            return;
        }
        long started = System.nanoTime();
        WarmUpFeed feed = new WarmUpFeed(LocalDate.now(clock.withZone(Period.CHINA)));
        int valid = 0;
        try {
            for (int first = 0, body = 0; first < records; first += BODY, body++) {
                int count = Math.min(BODY, records - first);
                FeedFormat format = FORMATS[body % FORMATS.length];
                byte[] text = switch (format) {
                    case NDJSON -> feed.ndjson(first, count);
                    case JSON -> feed.jsonArray(first, count);
                    case CSV -> feed.csv(first, count);
                };
                valid += intake.rehearseStoring(format, text);
            }
        } catch (RuntimeException e) {
            // a gateway that starts cold is slower for a minute, not broken: it starts
            log.warn("the intake's warm-up failed and was cut short; the gateway starts without it", e);
            return;
        }
        if (valid != records) {
            log.warn("the intake's warm-up found {} of its {} made-up records invalid: their path was not warmed", records - valid,
                    records);
        }
        log.info("intake warmed up: {} made-up records read, checked and stored in {} ms, every body rolled back", records,
                (System.nanoTime() - started) / 1_000_000);
    }
}
