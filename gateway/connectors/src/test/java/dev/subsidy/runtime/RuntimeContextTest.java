package dev.subsidy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The context's waits: as long as asked, unless the connector stops, which ends them at once. */
class RuntimeContextTest {

    private final RuntimeContext context = new RuntimeContext("it-wait", null, null, null, Clock.systemUTC());

    @Test
    void aWaitInProgressEndsWhenTheConnectorStops() {
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                context.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e.getMessage());
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !waiting.isDone());

        context.close();

        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("connector it-wait was stopped while waiting");
    }

    @Test
    void aStoppedConnectorCannotWaitAndNoWaitIsNoWait() throws InterruptedException {
        context.sleep(Duration.ZERO);
        context.sleep(Duration.ofMillis(-5));
        context.close();
        assertThatThrownBy(() -> context.sleep(Duration.ofMillis(1))).isInstanceOf(InterruptedException.class)
                .hasMessage("connector it-wait is stopped");
    }

    @Test
    void aShortWaitReturnsAfterItsTime() throws InterruptedException {
        long start = System.nanoTime();
        context.sleep(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }
}
