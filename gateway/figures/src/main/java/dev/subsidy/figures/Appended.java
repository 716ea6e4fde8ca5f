package dev.subsidy.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What a figure collects, appended in chunks and copied once, into the array its sort needs. One figure of a close
 * can count millions of parcels (an express company's outbound parcels): a list that grows by copying itself copied
 * them many times over, each copy a new array as large as the figure (docs/operations.md "Database").
 */
final class Appended<T> {

    private static final int FIRST = 8;
    private static final int LARGEST = 1 << 16;

    private final List<Object[]> full = new ArrayList<>();
    private Object[] current = new Object[FIRST];
    private int used;
    private int size;

    void add(T item) {
        if (used == current.length) {
            full.add(current);
            current = new Object[Math.min(LARGEST, current.length * 2)];
            used = 0;
        }
        current[used++] = item;
        size++;
    }

    /** {@code later}'s items after these, in their order. */
    void addAll(Appended<T> later) {
        for (Object[] chunk : later.full) {
            for (Object item : chunk) {
                add(cast(item));
            }
        }
        for (int i = 0; i < later.used; i++) {
            add(cast(later.current[i]));
        }
    }

    int size() {
        return size;
    }

    /** Every item in the order added, in a new array of exactly their number. */
    T[] toArray(IntFunction<T[]> array) {
        T[] out = array.apply(size);
        int at = 0;
        for (Object[] chunk : full) {
            System.arraycopy(chunk, 0, out, at, chunk.length);
            at += chunk.length;
        }
        System.arraycopy(current, 0, out, at, used);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object item) {
        return (T) item;
    }
}
