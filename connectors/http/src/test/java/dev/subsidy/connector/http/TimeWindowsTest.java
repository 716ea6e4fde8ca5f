package dev.subsidy.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.connector.testkit.TestConnectorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Incremental time windows: size, "now", lookback on the committed cursor, resuming a half-read window. */
class TimeWindowsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");

    @RegisterExtension
    final Partner partner = new Partner();

    private final TestClock clock = TestClock.at(NOW);
    private final List<Connector> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Connector::stop);
        assertThat(partner.responderFailures()).isEmpty();
    }

    private PullConnector start(Map<String, String> settings) throws Exception {
        PullConnector c = (PullConnector) new HttpPullProvider().create();
        started.add(c);
        c.start(TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(settings).clock(clock).build());
        return c;
    }

    private List<String> windowsAsked() {
        return partner.requests().stream()
                .filter(r -> r.queryParameter("page").firstValue().equals("1"))
                .map(TimeWindowsTest::window).toList();
    }

    private static String window(LoggedRequest r) {
        return r.queryParameter("from").firstValue() + "/" + r.queryParameter("to").firstValue();
    }

    @Test
    void windowsAreAtMostWindowMaxLongAndNeverEndAfterNow() throws Exception {
        new OrdersApi(clock).serveOn(partner);
        PullConnector connector = start(OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(10)), "4h", "0s"));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, 50);

        assertThat(windowsAsked()).containsExactly(
                "2026-03-01T18:00:00Z/2026-03-01T22:00:00Z",
                "2026-03-01T22:00:00Z/2026-03-02T02:00:00Z",
                "2026-03-02T02:00:00Z/2026-03-02T04:00:00Z");
        assertThat(outcome.checkpoint()).isEqualTo(Checkpoint.of("synced_until", "2026-03-02T04:00:00Z"));

        RecordBatch idle = connector.poll(outcome.checkpoint());
        assertThat(idle).as("now has not moved: nothing new, and the partner is not asked")
                .isEqualTo(RecordBatch.nothingNew(outcome.checkpoint()));
        assertThat(partner.requests()).hasSize(3);

        clock.advance(Duration.ofMinutes(90));
        connector.poll(outcome.checkpoint());
        assertThat(windowsAsked()).last().isEqualTo("2026-03-02T04:00:00Z/2026-03-02T05:30:00Z");
    }

    @Test
    void theDelayKeepsWindowsBehindNow() throws Exception {
        new OrdersApi(clock).serveOn(partner);
        Map<String, String> settings = OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(1)), "4h", "0s");
        settings.put("window_delay", "5m");
        PullConnector connector = start(settings);

        PollLoop.toEnd(connector, Checkpoint.NONE, 50);

        assertThat(windowsAsked()).containsExactly("2026-03-02T03:00:00Z/2026-03-02T03:55:00Z");
    }

    @Test
    void theLookbackMovesTheNextWindowsStartBackFromTheCommittedCursor() throws Exception {
        new OrdersApi(clock).serveOn(partner);
        PullConnector connector = start(OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(8)), "4h", "30m"));

        List<Checkpoint> checkpoints = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.NONE;
        RecordBatch batch;
        do {
            batch = connector.poll(checkpoint);
            checkpoint = batch.checkpoint();
            checkpoints.add(checkpoint);
        } while (batch.hasMore());

        // each window starts 30 minutes before the cursor the previous one committed, and is 4h at most
        assertThat(windowsAsked()).containsExactly(
                "2026-03-01T20:00:00Z/2026-03-02T00:00:00Z",
                "2026-03-01T23:30:00Z/2026-03-02T03:30:00Z",
                "2026-03-02T03:00:00Z/2026-03-02T04:00:00Z");
        assertThat(checkpoints).extracting(c -> c.get("synced_until").orElseThrow())
                .containsExactly("2026-03-02T00:00:00Z", "2026-03-02T03:30:00Z", "2026-03-02T04:00:00Z");
    }

    @Test
    void anOrderIndexedLateIsReadThroughTheLookback() throws Exception {
        // modified 10 minutes before the first window ends, but shown by the partner only 20 minutes after it
        new OrdersApi(clock)
                .add("on-time", NOW.minus(Duration.ofHours(2)))
                .add("late", NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(20)))
                .serveOn(partner);
        PullConnector connector = start(OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(4)), "4h", "30m"));

        PollLoop.Outcome first = PollLoop.toEnd(connector, Checkpoint.NONE, 50);
        clock.advance(Duration.ofHours(1));
        PollLoop.Outcome second = PollLoop.toEnd(connector, first.checkpoint(), 50);

        assertThat(first.records()).extracting(r -> r.position()).hasSize(1);
        assertThat(second.records()).hasSize(1);
        assertThat(second.records().get(0).position()).startsWith("window 2026-03-02T03:30:00Z/2026-03-02T05:00:00Z");
        assertThat(((dev.subsidy.connector.api.SourceRecord.Json) second.records().get(0)).json()).contains("\"late\"");
    }

    @Test
    void withoutLookbackTheSameLateOrderIsLostWhichIsWhyTheLookbackExists() throws Exception {
        new OrdersApi(clock)
                .add("late", NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(20)))
                .serveOn(partner);
        PullConnector connector = start(OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(4)), "4h", "0s"));

        PollLoop.Outcome first = PollLoop.toEnd(connector, Checkpoint.NONE, 50);
        clock.advance(Duration.ofHours(1));
        PollLoop.Outcome second = PollLoop.toEnd(connector, first.checkpoint(), 50);

        assertThat(first.records()).isEmpty();
        assertThat(second.records()).isEmpty();
    }

    @Test
    void aHalfReadWindowResumesWithItsStoredBoundsEvenWhenNowHasMoved() throws Exception {
        OrdersApi api = new OrdersApi(clock);
        for (int i = 1; i <= 5; i++) {
            api.add("o" + i, NOW.minus(Duration.ofMinutes(100 - i)));
        }
        api.serveOn(partner);
        Map<String, String> settings = OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(2)), "4h", "0s");
        PullConnector connector = start(settings);

        RecordBatch page1 = connector.poll(Checkpoint.NONE);
        assertThat(page1.checkpoint().asMap()).containsEntry("window_end", NOW.toString()).containsEntry("page", "2");

        // the gateway is down for a day; a new instance resumes from the committed checkpoint
        connector.stop();
        clock.advance(Duration.ofDays(1));
        PullConnector restarted = start(settings);
        RecordBatch page2 = restarted.poll(page1.checkpoint());

        LoggedRequest asked = partner.requests().get(partner.requests().size() - 1);
        assertThat(window(asked)).isEqualTo("2026-03-02T02:00:00Z/2026-03-02T04:00:00Z");
        assertThat(asked.queryParameter("page").firstValue()).isEqualTo("2");
        assertThat(page2.records()).hasSize(2);
    }
}
