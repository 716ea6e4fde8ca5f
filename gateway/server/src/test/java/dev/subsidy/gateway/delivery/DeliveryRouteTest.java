package dev.subsidy.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.gateway.storage.delivery.JdbcDeliveryStore;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The worker route on a plain Camel context, in real time. */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryRouteTest {

    @TempDir
    Path folder;

    private final AwardIntakeSimulator intake = AwardIntakeSimulator.start(DeliverySettings.SECRET).acceptingAnyItems();
    private final Clock clock = Clock.systemUTC();
    private final DeliveryProperties settings = DeliverySettings.intakeAt(intake.baseUrl());
    private final AwardIntakeClient client = new AwardIntakeClient(settings, clock);
    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
        client.close();
        intake.close();
    }

    private void startRoute(OutboxDatabase db) throws Exception {
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(client, new JdbcDeliveryStore(db.jdbc()), new DeliveryGate(),
                settings, clock, DeliveryDispatcher.DEFAULT_BATCHES_PER_TICK);
        camel.addRoutes(new dev.subsidy.gateway.routes.TickErrors());
        camel.addRoutes(new DeliveryRoute(dispatcher, settings.pollInterval()));
        camel.start();
    }

    @Test
    void theRouteDeliversDueBatchesAndLeavesTheOthersWaiting() throws Exception {
        OutboxDatabase db = OutboxDatabase.migrated(folder);
        String first = db.enqueueFigures(clock);
        String second = db.enqueue(DeliveryKind.AWARDS, 1, clock);
        String later = db.enqueueFigures(clock);
        db.postpone(later, Duration.ofHours(1), clock);

        startRoute(db);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.status(first).equals("DELIVERED") && db.status(second).equals("DELIVERED"));
        assertThat(camel.getRouteController().getRouteStatus(DeliveryRoute.ROUTE_ID).isStarted()).isTrue();
        assertThat(db.status(later)).isEqualTo("PENDING");
        assertThat(db.attempts(later)).isZero();
        // at least once: on a loaded machine a reply slower than the tests' 500 ms timeout is sent again,
        // with the same Idempotency-Key, which the intake counts once
        assertThat(intake.requests()).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(first, second);
        assertThat(intake.refusals()).isEmpty();
    }

    @Test
    void aFailingTickIsLoggedAndTheNextTickTriesAgain(CapturedOutput log) throws Exception {
        OutboxDatabase db = OutboxDatabase.unmigrated(folder); // every tick fails: no delivery table yet
        startRoute(db);
        await().atMost(Duration.ofSeconds(10)).until(() -> log.getAll().contains("no such table: delivery"));

        db.migrate();
        String id = db.enqueueFigures(clock);

        await().atMost(Duration.ofSeconds(10)).until(() -> db.status(id).equals("DELIVERED"));
        assertThat(camel.getRouteController().getRouteStatus(DeliveryRoute.ROUTE_ID).isStarted()).isTrue();
    }

    @Test
    void afterRetryAfter2TheNextAttemptComesNoSoonerThan2Seconds() throws Exception {
        OutboxDatabase db = OutboxDatabase.migrated(folder);
        String id = db.enqueueFigures(clock);
        intake.replies(aResponse().withStatus(429).withHeader("Retry-After", "2"), aResponse().withStatus(202));

        startRoute(db);

        await().atMost(Duration.ofSeconds(10)).until(() -> db.status(id).equals("DELIVERED"));
        List<LoggedRequest> sent = intake.requests();
        assertThat(sent).hasSize(2);
        long gapMillis = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertThat(gapMillis).isGreaterThanOrEqualTo(2000);
        assertThat(db.attempts(id)).isEqualTo(2);
    }
}
