package dev.subsidy.figures;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of keys held by {@link CompactKeys}, shared by every figure of a close: each key is written once, in chunks
 * that are filled before the next is made, so the heap holds the keys' bytes and the last chunk's rest. A chunk per
 * figure, grown by doubling, left a close of 100,000 figures of a hundred parcels each with about twice the bytes its
 * keys needed. Each UTF-16 code unit is written on its own as CESU-8 does, after the key's length, so that keys compare
 * as unsigned bytes exactly as their texts do in {@link String#compareTo} and a sort decodes none. A key is found by
 * its address: its chunk's number and its offset in it, in a non-negative int.
 */
final class KeyBytes {

    private static final int CHUNK_BITS = 20;
    /** a full chunk; a key never straddles two, and one longer than a chunk has a chunk of its own */
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int OFFSET = CHUNK - 1;
    private static final int MAX_CHUNKS = 1 << (31 - CHUNK_BITS);
    /** most closes count few keys: the first chunk starts small and is grown until it is a full one */
    private static final int FIRST_CHUNK = 256;

    private byte[][] chunks = new byte[4][];
    /** the chunk being written, and where in it the next key goes */
    private int last;
    private int at;
    /** the record whose key was written last, and its address: a parcel counted in several figures is written once */
    private Object lastRecord;
    private int lastAddress;

    KeyBytes() {
        chunks[0] = new byte[FIRST_CHUNK];
    }

    /** Writes the key's text; gives its address. */
    int add(String text) {
        int length = encodedLength(text);
        int address = reserve(length);
        int p = writeLength(length, address & OFFSET);
        write(text, chunks[last], p);
        return address;
    }

    /**
     * Writes the key {@code name + ":" + number}, no such text made (a parcel's carrier and waybill number); gives its
     * address. Of {@code record}, the record it is made from (or null), the key is written once until another record's
     * is: the figures a parcel counts in are added one after the other. Keys of text do not count; a key's bytes never
     * move, so its address stays good.
     */
    int add(Object record, String name, String number) {
        if (record != null && record == lastRecord) {
            return lastAddress;
        }
        long length = (long) encodedLength(name) + 1 + encodedLength(number);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a key longer than an array");
        }
        int address = reserve((int) length);
        int p = writeLength((int) length, address & OFFSET);
        byte[] chunk = chunks[last];
        p = write(name, chunk, p);
        chunk[p++] = ':';
        write(number, chunk, p);
        lastRecord = record;
        lastAddress = address;
        return address;
    }

    /** The heap held, roughly: the chunks whole, filled or not. */
    long bytes() {
        long total = 48L + 16 + 8L * chunks.length;
        for (int i = 0; i <= last; i++) {
            total += 16 + chunks[i].length;
        }
        return total;
    }

    /** Two keys' bytes, unsigned, the shorter first where one begins the other: as String's order of their texts. */
    int compare(int a, int b) {
        if (a == b) {
            return 0;
        }
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

    /** Room for a key of {@code length} bytes and its length: gives its address. */
    private int reserve(int length) {
        int need = length + lengthOfLength(length);
        byte[] chunk = chunks[last];
        if (at + need > chunk.length) {
            if (chunk.length < CHUNK && at + need <= CHUNK) {
                chunks[last] = Arrays.copyOf(chunk, Math.min(CHUNK, Math.max(2 * chunk.length, at + need)));
            } else {
                if (last + 1 == MAX_CHUNKS) {
                    throw new IllegalStateException("more keys than " + MAX_CHUNKS + " chunks of a MiB hold");
                }
                if (last + 1 == chunks.length) {
                    chunks = Arrays.copyOf(chunks, 2 * chunks.length);
                }
                chunks[++last] = new byte[Math.max(CHUNK, need)];
                at = 0;
            }
        }
        int address = last << CHUNK_BITS | at;
        at += need;
        return address;
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
    String text(int address, char[] chars) {
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
}
