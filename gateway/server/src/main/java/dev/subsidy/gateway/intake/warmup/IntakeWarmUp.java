package dev.subsidy.gateway.intake.warmup;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.model.Period;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * 预热: reads, checks and stores made-up standard records through the intake as the gateway starts, before it says it
 * is ready ({@code gateway.feeds.warm-up-records}), each body in a transaction that is rolled back, so nothing is kept.
 * The JVM runs code slowly until it has compiled it:
 * a fresh gateway took its first 100,000 records of a JSON array at 30,900 records/s against 73,000–87,000 later, its
 * compiler taking most of a core meanwhile (docs/operations.md "Start-up"). After a restart, with feeds waiting, the
 * first minute is when speed counts.
 *
 * <p>The records asked for are where the compilers start, not where they finish: on two cores they were still
 * compiling the intake's code through the first ten seconds of feeds after 60,000. So the warm-up goes on, a round of
 * bodies at a time, until a round in which the compilers worked less than a quarter of its time, or until
 * {@code gateway.feeds.warm-up-limit}.
 */
@Component
class IntakeWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntakeWarmUp.class);
    /** Records per made-up body, as feeds post them. */
    static final int BODY = 10_000;
    /** The formats the bodies take in turn, one round: NDJSON most, as feeds post it most. */
    private static final FeedFormat[] FORMATS = {FeedFormat.NDJSON, FeedFormat.JSON, FeedFormat.NDJSON, FeedFormat.CSV};
    /** The compilers' share of a round below which they count as caught up. */
    static final double SETTLED = 0.25;

    private final FeedIntake intake;
    private final int records;
    private final Duration limit;
    private final Clock clock;
    private final CompilerClock compiler;

    @Autowired
    IntakeWarmUp(FeedIntake intake, GatewayProperties properties, Clock clock) {
        this(intake, properties, clock, CompilerClock.ofThisJvm());
    }

    IntakeWarmUp(FeedIntake intake, GatewayProperties properties, Clock clock, CompilerClock compiler) {
        this.intake = intake;
        this.records = properties.feeds().warmUpRecords();
        this.limit = properties.feeds().warmUpLimit();
        this.clock = clock;
        this.compiler = compiler;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (records == 0) {
            return;
        }
        long started = System.nanoTime();
        Rehearsals rehearsals = new Rehearsals(new WarmUpFeed(LocalDate.now(clock.withZone(Period.CHINA))));
        String settled;
        try {
            while (rehearsals.records < records) {
                rehearsals.next(Math.min(BODY, records - rehearsals.records));
            }
            settled = untilCompiled(rehearsals);
        } catch (RuntimeException e) {
            // a gateway that starts cold is slower for a minute, not broken: it starts
            log.warn("the intake's warm-up failed and was cut short; the gateway starts without it", e);
            return;
        }
        if (rehearsals.valid != rehearsals.records) {
            log.warn("the intake's warm-up found {} of its {} made-up records invalid: their path was not warmed",
                    rehearsals.records - rehearsals.valid, rehearsals.records);
        }
        log.info("intake warmed up: {} made-up records read, checked and stored in {} ms, every body rolled back; {}",
                rehearsals.records, (System.nanoTime() - started) / 1_000_000, settled);
    }

    /** Rounds of bodies until the compilers have caught up or the limit is reached; says which. */
    private String untilCompiled(Rehearsals rehearsals) {
        long deadline = System.nanoTime() + limit.toNanos();
        if (limit.isZero()) {
            return "no rounds after them (gateway.feeds.warm-up-limit is 0)";
        }
        if (compiler.compilingMillis() < 0) {
            return "no rounds after them: this JVM does not say how long it compiles";
        }
        double share;
        int rounds = 0;
        // one round at least: only a round tells whether the compilers are done
        do {
            long compiledBefore = compiler.compilingMillis();
            long roundStarted = System.nanoTime();
            for (int i = 0; i < FORMATS.length; i++) {
                rehearsals.next(BODY);
            }
            rounds++;
            double roundMillis = Math.max(1, (System.nanoTime() - roundStarted) / 1e6);
            long worked = compiler.compilingMillis() - compiledBefore;
            share = worked / roundMillis;
            log.debug("intake warm-up round {}: the compilers worked {} ms of its {} ms", rounds, worked,
                    Math.round(roundMillis));
            if (share < SETTLED) {
                return "the compilers had caught up after " + rounds(rounds, share);
            }
        } while (System.nanoTime() < deadline);
        return "the compilers were still busy when gateway.feeds.warm-up-limit (" + DurationStyle.SIMPLE.print(limit)
                + ") ran out, after " + rounds(rounds, share);
    }

    private static String rounds(int rounds, double shareOfTheLast) {
        return String.format("%d round%s of %d bodies (%.0f %% of the last)", rounds, rounds == 1 ? "" : "s",
                FORMATS.length, shareOfTheLast * 100);
    }

    /** The made-up bodies rehearsed so far, each the next format in turn and records the last did not have. */
    private final class Rehearsals {
        private final WarmUpFeed feed;
        private int bodies;
        private int records;
        private int valid;

        Rehearsals(WarmUpFeed feed) {
            this.feed = feed;
        }

        void next(int count) {
            FeedFormat format = FORMATS[bodies % FORMATS.length];
            byte[] text = switch (format) {
                case NDJSON -> feed.ndjson(records, count);
                case JSON -> feed.jsonArray(records, count);
                case CSV -> feed.csv(records, count);
            };
            valid += intake.rehearseStoring(format, text);
            bodies++;
            records += count;
        }
    }
}
