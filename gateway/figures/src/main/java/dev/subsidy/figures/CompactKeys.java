package dev.subsidy.figures;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A figure's keys as bytes, for a close that streams its records instead of holding them: a company's figure counts up
 * to ten million parcels, and a string per key (some 60 bytes) would not fit the heap where its bytes and an int (some
 * 21) do. Each UTF-16 code unit is written on its own as CESU-8 does, after the key's length, so that keys compare as
 * unsigned bytes exactly as their texts do in {@link String#compareTo} and the sort decodes none. Full chunks are never
 * copied: growing to hundreds of megabytes never needs twice as much.
 */
final class CompactKeys {

    private static final int CHUNK_BITS = 20;
    /** a full chunk; a key never straddles two, and one longer than a chunk has a chunk of its own */
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int OFFSET = CHUNK - 1;
    /** an address is the chunk's number and the key's offset in it, in a non-negative int */
    private static final int MAX_CHUNKS = 1 << (31 - CHUNK_BITS);
    /** most figures count a few records: the first chunk starts small and is grown until it is a full one */
    private static final int FIRST_CHUNK = 256;

    private byte[][] chunks = new byte[4][];
    /** the chunk being written, and where in it the next key goes */
    private int last;
    private int at;
    /** each key's address, in the order added until sorted */
    private int[] index = new int[16];
    private int size;
    /** once sorted: how many of {@link #index} are distinct keys; -1 before */
    private int distinct = -1;

    CompactKeys() {
        chunks[0] = new byte[FIRST_CHUNK];
    }

    void add(String text) {
        int length = encodedLength(text);
        int p = reserve(length);
        p = writeLength(length, p);
        write(text, chunks[last], p);
    }

    /** The key {@code name + ":" + number}, no such text made: a parcel's carrier and waybill number. */
    void add(String name, String number) {
        long length = (long) encodedLength(name) + 1 + encodedLength(number);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a key longer than an array");
        }
        int p = writeLength((int) length, reserve((int) length));
        byte[] chunk = chunks[last];
        p = write(name, chunk, p);
        chunk[p++] = ':';
        write(number, chunk, p);
    }

    /** Keys added, repeats included. */
    int size() {
        return size;
    }

    /** The heap held, roughly: the chunks whole, filled or not, and the index as allocated. */
    long bytes() {
        long total = 48L + 16 + 8L * chunks.length + 16 + 4L * index.length;
        for (int i = 0; i <= last; i++) {
            total += 16 + chunks[i].length;
        }
        return total;
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
            IntArrays.mergeSort(index, 0, n, this::compare);
        }
        char[] decoded = new char[256]; // for the keys beyond ASCII, one after the other
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (kept == 0 || compare(index[kept - 1], index[i]) != 0) {
                index[kept++] = index[i];
                lines.add(text(index[i], decoded));
            }
        }
        distinct = kept;
        return new Texts();
    }

    private boolean sorted(int n) {
        for (int i = 1; i < n; i++) {
            if (compare(index[i - 1], index[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Two keys' bytes, unsigned, the shorter first where one begins the other: as String's order of their texts. */
    private int compare(int a, int b) {
        byte[] ca = chunks[a >>> CHUNK_BITS];
        byte[] cb = chunks[b >>> CHUNK_BITS];
        int pa = a & OFFSET;
        int pb = b & OFFSET;
        int la = readLength(ca, pa);
        int lb = readLength(cb, pb);
        pa += lengthOfLength(la);
        pb += lengthOfLength(lb);
        return Arrays.compareUnsigned(ca, pa, pa + la, cb, pb, pb + lb);
    }

    /** Room for a key of {@code length} bytes and its length: gives where it goes, its address indexed. */
    private int reserve(int length) {
        if (distinct >= 0) {
            throw new IllegalStateException("keys are added before they are sorted");
        }
        int need = length + lengthOfLength(length);
        byte[] chunk = chunks[last];
        if (at + need > chunk.length) {
            if (chunk.length < CHUNK && at + need <= CHUNK) {
                chunks[last] = Arrays.copyOf(chunk, Math.min(CHUNK, Math.max(2 * chunk.length, at + need)));
            } else {
                if (last + 1 == MAX_CHUNKS) {
                    throw new IllegalStateException("more keys than " + MAX_CHUNKS + " chunks hold");
                }
                if (last + 1 == chunks.length) {
                    chunks = Arrays.copyOf(chunks, 2 * chunks.length);
                }
                chunks[++last] = new byte[Math.max(CHUNK, need)];
                at = 0;
            }
        }
        if (size == index.length) {
            index = Arrays.copyOf(index, size + (size >> 1));
        }
        index[size++] = last << CHUNK_BITS | at;
        int p = at;
        at += need;
        return p;
    }

    /** The text's bytes: one for a code unit below 0x80, two below 0x800, else three. */
    private static int encodedLength(String text) {
        long length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length += c < 0x800 ? 1 : 2;
            }
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a key longer than an array");
        }
        return (int) length;
    }

    private int writeLength(int length, int p) {
        byte[] chunk = chunks[last];
        while (length >= 0x80) {
            chunk[p++] = (byte) (0x80 | length & 0x7F);
            length >>>= 7;
        }
        chunk[p++] = (byte) length;
        return p;
    }

    private static int lengthOfLength(int length) {
        int n = 1;
        while (length >= 0x80) {
            length >>>= 7;
            n++;
        }
        return n;
    }

    private static int readLength(byte[] chunk, int p) {
        int length = 0;
        for (int shift = 0;; shift += 7) {
            byte b = chunk[p++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                return length;
            }
        }
    }

    private static int write(String text, byte[] chunk, int p) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                chunk[p++] = (byte) c;
            } else if (c < 0x800) {
                chunk[p++] = (byte) (0xC0 | c >> 6);
                chunk[p++] = (byte) (0x80 | c & 0x3F);
            } else {
                chunk[p++] = (byte) (0xE0 | c >> 12);
                chunk[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                chunk[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    /** The key's text: ASCII straight from its bytes, else decoded in {@code chars} when it fits. */
    private String text(int address, char[] chars) {
        byte[] chunk = chunks[address >>> CHUNK_BITS];
        int p = address & OFFSET;
        int length = readLength(chunk, p);
        p += lengthOfLength(length);
        int end = p + length;
        int i = p;
        while (i < end && chunk[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(chunk, p, length, StandardCharsets.ISO_8859_1);
        }
        char[] out = length <= chars.length ? chars : new char[length];
        int n = 0;
        while (p < end) {
            int b = chunk[p++];
            if (b >= 0) {
                out[n++] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                out[n++] = (char) ((b & 0x1F) << 6 | chunk[p++] & 0x3F);
            } else {
                out[n++] = (char) ((b & 0x0F) << 12 | (chunk[p++] & 0x3F) << 6 | chunk[p++] & 0x3F);
            }
        }
        return new String(out, 0, n);
    }

    /** The distinct keys, each decoded when asked for: no list of a string per key. */
    private final class Texts extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int i) {
            Objects.checkIndex(i, distinct);
            return text(index[i], new char[0]);
        }

        @Override
        public int size() {
            return distinct;
        }
    }
}
