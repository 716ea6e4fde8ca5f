package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What one record's mapping may still spend: processor time, and the size a value it builds may reach.
 * JSLT cannot be stopped from outside (a thread is only asked to stop, and JSLT never asks), so the
 * evaluation is given places where it checks for itself: every variable it reads or binds, every
 * function it calls, every array and object it makes, every step of a regular expression. Past the
 * deadline, the next of these throws {@link Exceeded}, which unwinds the evaluation: the work stops
 * with the record, and the core is free. The budget in force is the current thread's while a mapping
 * runs ({@link #enter}); outside a mapping nothing is checked.
 *
 * <p>The time counted is the processor time of the mapping's thread, where the JVM can tell it: a
 * machine busy with other work, or a garbage collection, slows a mapping without spending its budget,
 * so a record is never rejected for the gateway's load. The wall clock is checked first (it is cheap);
 * only when it says the budget is spent is the thread's processor time asked, and the deadline moved
 * by what is really left.
 *
 * <p>Sizes are counted as JSON would write them, roughly, and once per array or object (a value that
 * holds another twice counts it twice, which is what writing it out would cost). Belongs to one
 * record on one thread; not thread-safe.
 */
final class RecordBudget {

    private static final ThreadLocal<RecordBudget> CURRENT = new ThreadLocal<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean PROCESSOR_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** Why a mapping was stopped. */
    enum Limit { TIME, VALUE }

    /** Thrown from inside the evaluation when the budget is spent; carries no stack, it is not a bug. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Limit limit;

        Exceeded(Limit limit) {
            super(limit.name(), null, false, false);
            this.limit = limit;
        }

        Limit limit() {
            return limit;
        }
    }

    private final long budget;
    private final long processorStart;
    private final long valueLimit;
    private final Map<JsonNode, Long> sizes = new IdentityHashMap<>();
    private long deadline;
    private Limit tripped;

    private RecordBudget(long budget, long valueLimit) {
        this.budget = budget;
        this.processorStart = PROCESSOR_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
        this.deadline = System.nanoTime() + budget;
        this.valueLimit = valueLimit;
    }

    /**
     * The budget of one record: the time budget from now, and values up to the larger of the output
     * limit and twice the record itself (a mapping may hold its whole record; it may not multiply it).
     */
    static RecordBudget start(MappingLimits limits, JsonNode record) {
        RecordBudget unlimited = new RecordBudget(limits.recordTimeBudget().toNanos(), Long.MAX_VALUE);
        long recordSize = unlimited.sizeOf(record);
        RecordBudget budget = new RecordBudget(limits.recordTimeBudget().toNanos(), Math.max(limits.maxOutputBytes(), 2 * recordSize));
        // the record's parts are measured once: the mapping binds them again and again
        budget.sizes.putAll(unlimited.sizes);
        return budget;
    }

    /** The budget of the mapping running on this thread, or null outside a mapping. */
    static RecordBudget current() {
        return CURRENT.get();
    }

    /** Makes this the budget of the current thread until the returned handle is closed. */
    Entered enter() {
        RecordBudget outer = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** The budget in force on the current thread; closing restores the one before, and never throws. */
    interface Entered extends AutoCloseable {
        @Override
        void close();
    }

    /** Stops the work when the time budget is spent. */
    void tick() {
        if (tripped != null) {
            throw new Exceeded(tripped);
        }
        long now = System.nanoTime();
        if (now - deadline > 0) {
            long left = PROCESSOR_TIME ? budget - (THREADS.getCurrentThreadCpuTime() - processorStart) : 0;
            if (left <= 0) {
                throw trip(Limit.TIME);
            }
            deadline = now + left;
        }
    }

    /** {@link #tick()} on the current thread's budget, if a mapping runs on it. */
    static void tickCurrent() {
        RecordBudget budget = CURRENT.get();
        if (budget != null) {
            budget.tick();
        }
    }

    /** Checks the deadline and the size of a value the mapping is about to hold or hand on. */
    void check(JsonNode value) {
        tick();
        if (value != null) {
            sizeOf(value);
        }
    }

    /** The largest text a mapping may build, in characters. */
    long valueLimit() {
        return valueLimit;
    }

    /**
     * Why the mapping was stopped, or null: kept once tripped, since JSLT itself swallows some
     * exceptions ({@code from-json} with a fallback, for one) and would otherwise go on.
     */
    Limit tripped() {
        return tripped;
    }

    /** Trips the budget for a value the mapping was about to build and could not. */
    Exceeded tooLarge() {
        return trip(Limit.VALUE);
    }

    private Exceeded trip(Limit limit) {
        if (tripped == null) {
            tripped = limit;
        }
        return new Exceeded(tripped);
    }

    private long sizeOf(JsonNode node) {
        if (node.isTextual()) {
            long size = node.textValue().length() + 2L;
            if (size > valueLimit) {
                throw tooLarge();
            }
            return size;
        }
        if (!node.isContainerNode()) {
            return 4;
        }
        Long known = sizes.get(node);
        if (known != null) {
            if (known > valueLimit) {
                throw tooLarge();
            }
            return known;
        }
        long size = 2;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                size += field.getKey().length() + 4 + sizeOf(field.getValue());
                if (size > valueLimit) {
                    throw tooLarge();
                }
            }
        } else {
            for (JsonNode item : node) {
                size += 1 + sizeOf(item);
                if (size > valueLimit) {
                    throw tooLarge();
                }
            }
        }
        sizes.put(node, size);
        return size;
    }
}
