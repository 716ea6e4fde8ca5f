package dev.subsidy.gateway.intake.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeStore;
import dev.subsidy.intake.RecordLimits;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;

/**
 * The warm-up reads and stores the path valid records take, in every format, and commits nothing: its store runs each
 * transaction's work and counts the transactions that end by rolling back, as a database's would
 * ({@code IntakeWarmUpIT} checks a real database keeps nothing).
 */
class IntakeWarmUpTest {

    /** Just after midnight in China: the records of the day before are no later than the clock. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T16:30:00Z"), ZoneOffset.UTC);

    private final AtomicInteger committed = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();
    /** Records stored before the store starts failing, as a full disk would. */
    private final AtomicInteger failFrom = new AtomicInteger(Integer.MAX_VALUE);
    private final IntakeStore store = (IntakeStore) Proxy.newProxyInstance(IntakeStore.class.getClassLoader(),
            new Class<?>[] {IntakeStore.class}, (proxy, method, args) -> switch (method.getName()) {
                case "inWriteTransaction" -> {
                    try {
                        Object result = ((Supplier<?>) args[0]).get();
                        committed.incrementAndGet();
                        yield result;
                    } catch (RuntimeException e) {
                        rolledBack.incrementAndGet();
                        throw e;
                    }
                }
                case "storeArrivedShipments", "storeArrivedOrders" -> {
                    if (stored.get() >= failFrom.get()) {
                        throw new IllegalStateException("the database cannot be written (disk full)");
                    }
                    stored.addAndGet(((List<?>) args[0]).size());
                    yield new IntakeStore.Counts(((List<?>) args[0]).size(), 0);
                }
                case "storeRejections", "storeBatch" -> null;
                default -> throw new AssertionError("the warm-up called " + method.getName());
            });
    private final FeedIntake intake = new FeedIntake(store, Map.of(), RecordLimits.defaults(), 1_000, CLOCK);

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void everyMadeUpRecordIsValidInEveryFormat(FeedFormat format) {
        WarmUpFeed feed = new WarmUpFeed(LocalDate.of(2026, 12, 6));
        byte[] body = switch (format) {
            case NDJSON -> feed.ndjson(20_000, 3_000);
            case JSON -> feed.jsonArray(20_000, 3_000);
            case CSV -> feed.csv(20_000, 3_000);
        };

        assertThat(intake.rehearse(format, body)).as("read only").isEqualTo(3_000);
        assertThat(stored).hasValue(0);
        assertThat(intake.rehearseStoring(format, body)).as("read and stored").isEqualTo(3_000);
        assertThat(stored).hasValue(3_000);
        assertThat(rolledBack).hasValue(1);
        assertThat(committed).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 25_000})
    void theWarmUpStoresItsRecordsAndCommitsNone(int records) {
        IntakeWarmUp warmUp = new IntakeWarmUp(intake, properties(records), CLOCK);

        assertThatCode(() -> warmUp.run(null)).doesNotThrowAnyException();
        assertThat(stored).hasValue(records);
        assertThat(rolledBack).hasValue((records + IntakeWarmUp.BODY - 1) / IntakeWarmUp.BODY);
        assertThat(committed).hasValue(0);
    }

    @Test
    void afterItsRecordsTheWarmUpGoesOnInRoundsUntilTheCompilersHaveCaughtUp() {
        // a millisecond of compiling for every millisecond of each body until the records' three bodies and two rounds
        // of four are done, then none
        CompilerClock settlingAfterTwoRounds = () -> 1_000_000L * Math.min(rolledBack.get(), 3 + 2 * 4);
        IntakeWarmUp warmUp = new IntakeWarmUp(intake, properties(25_000, Duration.ofMinutes(1)), CLOCK,
                settlingAfterTwoRounds);

        warmUp.run(null);

        assertThat(rolledBack).as("bodies").hasValue(3 + 3 * 4);
        assertThat(stored).hasValue(25_000 + 3 * 4 * IntakeWarmUp.BODY);
        assertThat(committed).hasValue(0);
    }

    @Test
    void aStoreThatFailsInTheMiddleOfARoundCutsTheWarmUpShortAndTheGatewayStillStarts() {
        // the records' two bodies go in, then the store fails in the first round
        failFrom.set(20_000 + 5_000);
        CompilerClock alwaysBusy = () -> 1_000_000L * rolledBack.get();
        IntakeWarmUp warmUp = new IntakeWarmUp(intake, properties(20_000, Duration.ofMinutes(1)), CLOCK, alwaysBusy);

        assertThatCode(() -> warmUp.run(null)).doesNotThrowAnyException();
        assertThat(committed).as("nothing of a rehearsal is kept, failed or not").hasValue(0);
        assertThat(rolledBack).as("the records' bodies and the round's first, which failed").hasValue(3);
    }

    @Test
    void aCompilerThatNeverSettlesStopsTheWarmUpAtItsLimit() {
        CompilerClock alwaysBusy = () -> 1_000_000L * rolledBack.get();
        IntakeWarmUp warmUp = new IntakeWarmUp(intake, properties(10_000, Duration.ofNanos(1)), CLOCK, alwaysBusy);

        warmUp.run(null);

        assertThat(rolledBack).as("the records' body, then one round, which a limit above 0 always allows").hasValue(1 + 4);
        assertThat(committed).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void noRoundsWithoutALimitOrACompilerClock(long limitMillisOrUnknownClock) {
        Duration limit = limitMillisOrUnknownClock == 0 ? Duration.ZERO : Duration.ofMinutes(1);
        CompilerClock clock = limitMillisOrUnknownClock == 0 ? () -> 1_000_000L * rolledBack.get() : () -> -1;
        IntakeWarmUp warmUp = new IntakeWarmUp(intake, properties(20_000, limit), CLOCK, clock);

        warmUp.run(null);

        assertThat(rolledBack).as("only the records' bodies").hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "6m"})
    void aLimitOutsideItsRangeStopsTheStartWithTheSettingsName(String limit) {
        assertThatThrownBy(() -> new GatewayProperties.Feeds(1024 * 1024, 1000, 60_000,
                DurationStyle.detectAndParse(limit)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.feeds.warm-up-limit: must be from 0s to 5m");
    }

    private static GatewayProperties properties(int warmUpRecords) {
        // no rounds after the records: the compilers of a test JVM are busy with everything else
        return properties(warmUpRecords, Duration.ZERO);
    }

    private static GatewayProperties properties(int warmUpRecords, Duration limit) {
        return new GatewayProperties(Path.of("target/warm-up-home"), new GatewayProperties.Jurisdiction("从江县", List.of("522633")),
                new GatewayProperties.Security(null, null, Map.of(), null),
                new GatewayProperties.Feeds(1024 * 1024, 1000, warmUpRecords, limit), Map.of());
    }
}
