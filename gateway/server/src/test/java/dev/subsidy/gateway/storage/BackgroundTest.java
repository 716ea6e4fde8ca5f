package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A close's helper thread hands back what it made, or what it threw as it was thrown. */
class BackgroundTest {

    private final ExecutorService thread = Background.thread("close-test");

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void theHelperRunsOnItsOwnNamedDaemonThread() {
        Thread ran = Background.joined(CompletableFuture.supplyAsync(Thread::currentThread, thread));

        assertThat(ran.getName()).isEqualTo("close-test");
        assertThat(ran.isDaemon()).isTrue();
        assertThat(ran).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aFailureComesBackAsItWasThrownNotWrapped() {
        IllegalStateException failure = new IllegalStateException("the orders could not be read");
        OutOfMemoryError exhausted = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> Background.joined(CompletableFuture.supplyAsync(() -> {
            throw failure;
        }, thread))).isSameAs(failure);
        assertThatThrownBy(() -> Background.joined(CompletableFuture.supplyAsync(() -> {
            throw exhausted;
        }, thread))).isSameAs(exhausted);
    }
}
