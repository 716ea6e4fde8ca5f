package dev.subsidy.verification;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A period's screening shares its work between the thread that runs it and one helper thread: the gateway's
 * machine has two cores, and while the rules run in memory the database is idle. Tasks are taken in turn by
 * whichever thread is free, so the results do not depend on which thread ran what; with no helper
 * ({@link #NONE}) the calling thread does all of it.
 */
public final class SecondCore {

    public static final SecondCore NONE = new SecondCore(null);

    /** Items a task of {@link #map} covers: large enough that taking the next one costs nothing. */
    private static final int SLICE = 4096;

    /** Whether this thread is running a task handed to it as a helper. */
    private static final ThreadLocal<Boolean> HELPING = ThreadLocal.withInitial(() -> false);

    private final Executor helper;

    /** @param helper the second thread, idle while the screening runs; null for none */
    public SecondCore(Executor helper) {
        this.helper = helper;
    }

    /**
     * Runs {@code task} for 0 to {@code count - 1}, each once, on this thread and the helper together. Returns once all
     * are done; a task's failure is thrown here, after the other thread has stopped taking tasks.
     */
    public void forEach(int count, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        Runnable taking = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException | Error e) {
                    next.set(count);
                    throw e;
                }
            }
        };
        CompletableFuture<Void> helped = helped(taking);
        try {
            taking.run();
        } finally {
            if (helped != null) {
                joined(helped);
            }
        }
    }

    /** The items mapped by {@code f}, in their order, as an unmodifiable list. */
    @SuppressWarnings("unchecked")
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        Object[] mapped = new Object[items.size()];
        forEach((items.size() + SLICE - 1) / SLICE, slice -> {
            int to = Math.min(items.size(), (slice + 1) * SLICE);
            for (int i = slice * SLICE; i < to; i++) {
                mapped[i] = f.apply(items.get(i));
            }
        });
        return (List<R>) Collections.unmodifiableList(Arrays.asList(mapped));
    }

    private CompletableFuture<Void> helped(Runnable taking) {
        if (helper == null || HELPING.get()) {
            // work handed on from the helper's own task would wait behind that task: that thread does it all
            return null;
        }
        try {
            return CompletableFuture.runAsync(() -> {
                HELPING.set(true);
                try {
                    taking.run();
                } finally {
                    HELPING.remove();
                }
            }, helper);
        } catch (RejectedExecutionException e) {
            return null; // shutting down: this thread does it all
        }
    }

    /** What a helper thread returned, or what it threw, as thrown there (an OutOfMemoryError stays one). */
    public static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }
}
