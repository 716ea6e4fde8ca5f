package dev.subsidy.gateway.intake.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeStore;
import dev.subsidy.intake.RecordLimits;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static GatewayProperties properties(int warmUpRecords) {
        return new GatewayProperties(Path.of("target/warm-up-home"), new GatewayProperties.Jurisdiction("从江县", List.of("522633")),
                new GatewayProperties.Security(null, null, Map.of(), null),
                new GatewayProperties.Feeds(1024 * 1024, 1000, warmUpRecords), Map.of());
    }
}
