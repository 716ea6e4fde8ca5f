package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A close's helper thread is its own named daemon. */
class BackgroundTest {

    private final ExecutorService thread = Background.thread("close-test");

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void theHelperRunsOnItsOwnNamedDaemonThread() {
        Thread ran = dev.subsidy.verification.SecondCore.joined(CompletableFuture.supplyAsync(Thread::currentThread, thread));

        assertThat(ran.getName()).isEqualTo("close-test");
        assertThat(ran.isDaemon()).isTrue();
        assertThat(ran).isNotSameAs(Thread.currentThread());
    }
}
