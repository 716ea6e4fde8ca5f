package dev.subsidy.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.gateway.storage.delivery.JdbcDeliveryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryStoreTest {

    @TempDir
    Path folder;

    @Test
    void aLongReplyIsCutToTheLimit() {
        OutboxDatabase db = OutboxDatabase.migrated(folder);
        DeliveryStore store = new JdbcDeliveryStore(db.jdbc());
        TestClock clock = TestClock.atPresentSecond();
        String id = db.enqueueFigures(clock);

        store.failed(id, DeliveryOutcome.ofReply(400, "错".repeat(10_000), Optional.empty()), clock.instant());

        assertThat((String) db.row(id).get("last_response")).hasSize(DeliveryStore.MAX_REPLY_CHARS).endsWith("…");
    }

    @Test
    void aSettledBatchIsNeverReopenedByALateWorker() {
        OutboxDatabase db = OutboxDatabase.migrated(folder);
        DeliveryStore store = new JdbcDeliveryStore(db.jdbc());
        TestClock clock = TestClock.atPresentSecond();
        String id = db.enqueueFigures(clock);
        store.delivered(id, DeliveryOutcome.ofReply(202, "", Optional.empty()), clock.instant());

        store.retryLater(id, DeliveryOutcome.passingFault("late"), clock.instant(), clock.instant());

        assertThat(db.status(id)).isEqualTo("DELIVERED");
        assertThat(db.attempts(id)).isEqualTo(1);
    }

    @Test
    void theBacklogCountsPendingBatchesAndDatesTheOldestOnly() {
        OutboxDatabase db = OutboxDatabase.migrated(folder);
        DeliveryStore store = new JdbcDeliveryStore(db.jdbc());
        TestClock clock = TestClock.atPresentSecond();

        assertThat(store.backlog()).isEqualTo(new DeliveryStore.Backlog(0, Optional.empty()));

        Instant firstQueued = clock.instant();
        String first = db.enqueueFigures(clock);
        clock.advance(Duration.ofMinutes(5));
        String second = db.enqueueFigures(clock);
        assertThat(store.backlog()).isEqualTo(new DeliveryStore.Backlog(2, Optional.of(firstQueued)));

        store.delivered(first, DeliveryOutcome.ofReply(202, "", Optional.empty()), clock.instant());
        assertThat(store.backlog()).isEqualTo(new DeliveryStore.Backlog(1, Optional.of(firstQueued.plus(Duration.ofMinutes(5)))));

        store.failed(second, DeliveryOutcome.ofReply(400, "bad", Optional.empty()), clock.instant());
        assertThat(store.backlog()).as("a settled batch, delivered or failed, waits no more")
                .isEqualTo(new DeliveryStore.Backlog(0, Optional.empty()));
    }
}
