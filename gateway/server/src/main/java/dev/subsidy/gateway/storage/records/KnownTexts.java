package dev.subsidy.gateway.storage.records;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Texts a query's rows repeat (a site, a region, a shop, a carrier), found by their UTF-8 bytes: the same string for
 * the same bytes, and no string made from a row's bytes only to find the one already held. A close reads millions of
 * rows, most of their columns values it has seen; the string made per column and thrown away was the largest single
 * item of a profile of a close's read (docs/operations.md "Database"). Bounded: past {@link #MOST} distinct texts, a
 * new one is given but not remembered, so a column of mostly distinct values stops filling it.
 */
public final class KnownTexts {

    private static final int MOST = 200_000;

    private byte[][] keys = new byte[1024][];
    private String[] texts = new String[1024];
    private int size;

    /** The text of the {@code length} UTF-8 bytes at {@code offset}: one already held for them, else a new one. */
    public String of(byte[] bytes, int offset, int length) {
        int mask = keys.length - 1;
        for (int i = hash(bytes, offset, length) & mask; ; i = (i + 1) & mask) {
            byte[] key = keys[i];
            if (key == null) {
                String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
                if (size < MOST) {
                    keys[i] = Arrays.copyOfRange(bytes, offset, offset + length);
                    texts[i] = text;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
                return text;
            }
            if (key.length == length && Arrays.equals(key, 0, length, bytes, offset, offset + length)) {
                return texts[i];
            }
        }
    }

    /** As {@link #of(byte[], int, int)}, for a text read as a string: the one held for it, else this one. */
    public String of(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String known = of(bytes, 0, bytes.length);
        return known.equals(text) ? known : text; // a text that is not its UTF-8 (a lone surrogate) stays itself
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldTexts = texts;
        keys = new byte[oldKeys.length * 2][];
        texts = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            byte[] key = oldKeys[j];
            if (key != null) {
                int i = hash(key, 0, key.length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                texts[i] = oldTexts[j];
            }
        }
    }

    /** Spread over the table's low bits: texts such as "shop-1234" differ in their last bytes only. */
    private static int hash(byte[] bytes, int offset, int length) {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 8);
    }
}
