package dev.subsidy.figures;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A figure's keys as bytes, for a close that lets its records go once counted ({@link FigureCalculator#running}): a
 * company's figure counts up to ten million parcels, and a string per key (some 60 bytes) would not fit the heap where
 * its bytes ({@link KeyBytes}, shared by the close's figures) and an int do. Sorted as their texts are, by their bytes.
 */
final class CompactKeys {

    private final KeyBytes bytes;
    /** each key's address, in the order added until sorted */
    private int[] index = new int[16];
    private int size;
    /** once sorted: how many of {@link #index} are distinct keys; -1 before */
    private int distinct = -1;

    /** Keys of bytes of their own. */
    CompactKeys() {
        this(new KeyBytes());
    }

    /** Keys whose bytes are written into {@code bytes}, beside other figures' keys. */
    CompactKeys(KeyBytes bytes) {
        this.bytes = bytes;
    }

    void add(String text) {
        index(bytes.add(text));
    }

    /**
     * The key {@code name + ":" + number}, no such text made (a parcel's carrier and waybill number), of the record it
     * is made from, or null: a record counted in several figures is written once.
     */
    void add(Object record, String name, String number) {
        index(bytes.add(record, name, number));
    }

    /** Keys added, repeats included. */
    int size() {
        return size;
    }

    /** The heap held, roughly: the bytes (all of them, shared or not) and the index as allocated. */
    long bytes() {
        return bytes.bytes() + 32 + 16 + 4L * index.length;
    }

    /**
     * The distinct keys in String order, each given to {@code lines} in that order, as the texts of a list that
     * decodes each one when asked. Keys come sorted in long runs (a carrier's waybills in order), so a sorted index is
     * seen in one pass and not sorted again; else a merge sort, which does little work on such runs. After this, the
     * keys are only read: {@link #add} throws.
     */
    List<String> sortedDistinct(Digest.Lines lines) {
        int n = distinct >= 0 ? distinct : size;
        if (!sorted(n)) {
            IntArrays.mergeSort(index, 0, n, bytes::compare);
        }
        char[] decoded = new char[256]; // for the keys beyond ASCII, one after the other
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (kept == 0 || bytes.compare(index[kept - 1], index[i]) != 0) {
                index[kept++] = index[i];
                lines.add(bytes.text(index[i], decoded));
            }
        }
        distinct = kept;
        return new Texts();
    }

    private boolean sorted(int n) {
        for (int i = 1; i < n; i++) {
            if (bytes.compare(index[i - 1], index[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private void index(int address) {
        if (distinct >= 0) {
            throw new IllegalStateException("keys are added before they are sorted");
        }
        if (size == index.length) {
            index = Arrays.copyOf(index, size + (size >> 1));
        }
        index[size++] = address;
    }

    /** The distinct keys, each decoded when asked for: no list of a string per key. */
    private final class Texts extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int i) {
            Objects.checkIndex(i, distinct);
            return bytes.text(index[i], new char[0]);
        }

        @Override
        public int size() {
            return distinct;
        }
    }
}
