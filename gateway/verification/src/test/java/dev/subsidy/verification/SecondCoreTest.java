package dev.subsidy.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The screening's work shared with a helper thread: every task once, results in order, failures as thrown. */
class SecondCoreTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void everyTaskRunsOnceAndBothThreadsTakeTasks() {
        // the first two tasks meet at a barrier: with one thread only, the first would wait there in vain
        CyclicBarrier bothAtWork = new CyclicBarrier(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        new SecondCore(helper).forEach(100, i -> {
            threads.add(Thread.currentThread());
            if (i < 2) {
                try {
                    bothAtWork.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other thread took no task", e);
                }
            }
            runs.incrementAndGet(i);
        });

        assertThat(IntStream.range(0, 100).map(runs::get)).containsOnly(1);
        assertThat(threads).hasSize(2).contains(Thread.currentThread());
    }

    @Test
    void aMapKeepsTheItemsOrderAcrossSlices() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();

        List<String> mapped = new SecondCore(helper).map(items, i -> "n" + i);

        assertThat(mapped).hasSize(10_000).startsWith("n0", "n1").endsWith("n9999");
        assertThat(mapped).isEqualTo(items.stream().map(i -> "n" + i).toList());
        assertThat(new SecondCore(helper).map(List.<Integer>of(), i -> i)).isEmpty();
    }

    @Test
    void withNoHelperOrAHelperShutDownTheCallingThreadDoesItAll() {
        helper.shutdownNow();
        for (SecondCore cores : List.of(SecondCore.NONE, new SecondCore(helper))) {
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            AtomicIntegerArray runs = new AtomicIntegerArray(10);

            cores.forEach(10, i -> {
                threads.add(Thread.currentThread());
                runs.incrementAndGet(i);
            });

            assertThat(threads).containsExactly(Thread.currentThread());
            assertThat(IntStream.range(0, 10).map(runs::get)).containsOnly(1);
        }
    }

    @Test
    void workHandedOnFromTheHelpersOwnTaskIsDoneThereNotQueuedBehindIt() {
        SecondCore cores = new SecondCore(helper);
        AtomicIntegerArray runs = new AtomicIntegerArray(40);

        cores.forEach(4, outer -> cores.forEach(10, inner -> runs.incrementAndGet(outer * 10 + inner)));

        assertThat(IntStream.range(0, 40).map(runs::get)).containsOnly(1);
    }

    @Test
    void aTasksFailureComesBackAsItWasThrown() {
        IllegalStateException failure = new IllegalStateException("a rule broke");
        OutOfMemoryError exhausted = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> new SecondCore(helper).forEach(50, i -> {
            if (i == 7) {
                throw failure;
            }
        })).isSameAs(failure);
        assertThatThrownBy(() -> new SecondCore(helper).forEach(50, i -> {
            if (i == 0) {
                throw exhausted;
            }
        })).isSameAs(exhausted);
    }

    @Test
    void joinedHandsBackWhatTheHelperMadeOrThrewUnwrapped() {
        IllegalStateException failure = new IllegalStateException("the orders could not be read");
        OutOfMemoryError exhausted = new OutOfMemoryError("Java heap space");

        assertThat(SecondCore.joined(CompletableFuture.supplyAsync(() -> "read", helper))).isEqualTo("read");
        assertThatThrownBy(() -> SecondCore.joined(CompletableFuture.supplyAsync(() -> {
            throw failure;
        }, helper))).isSameAs(failure);
        assertThatThrownBy(() -> SecondCore.joined(CompletableFuture.supplyAsync(() -> {
            throw exhausted;
        }, helper))).isSameAs(exhausted);
    }
}
