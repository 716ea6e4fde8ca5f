package dev.subsidy.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The evidence digest of docs/figures.md: SHA-256 over the sorted natural keys of the counted records,
 * one per line, UTF-8. Each key is followed by "\n" (a line ends with its newline), keys sorted by
 * their UTF-16 code units as Java's String order does, which for these ASCII keys is byte order.
 */
public final class Digest {

    private Digest() {}

    public static String of(Collection<String> naturalKeys) {
        return ofSorted(new TreeSet<>(naturalKeys));
    }

    /**
     * The digest of keys already distinct and in String order (a TreeSet's order), without sorting them again.
     */
    static String ofSorted(Iterable<String> sortedDistinctKeys) {
        Lines lines = new Lines();
        sortedDistinctKeys.forEach(lines::add);
        return lines.digest();
    }

    /**
     * The digest's lines, given one key at a time in their order: a figure's keys are made distinct and hashed in one
     * pass over them. The lines are gathered into one buffer and hashed a buffer at a time: a close digests tens of
     * millions of keys, and a line and its bytes built per key, each hashed on its own, cost more than the hashing.
     */
    static final class Lines {
        private static final int BUFFER = 16_384;
        private final MessageDigest sha = sha256();
        private final byte[] buffer = new byte[BUFFER];
        private int at;

        void add(String key) {
            int length = key.length();
            if (at + length + 1 > buffer.length) {
                sha.update(buffer, 0, at);
                at = 0;
            }
            int written = length + 1 <= buffer.length ? ascii(key, buffer, at) : -1;
            if (written < 0) {
                // beyond ASCII, or longer than the buffer: the key's own UTF-8 bytes, after what is gathered
                sha.update(buffer, 0, at);
                at = 0;
                sha.update((key + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            at = written;
        }

        /** The line of a key made of a prefix, a colon and the rest (a parcel's carrier and waybill). */
        void add(String prefix, String rest) {
            int length = prefix.length() + 1 + rest.length();
            if (at + length + 1 > buffer.length) {
                sha.update(buffer, 0, at);
                at = 0;
            }
            int written = length + 1 <= buffer.length ? ascii(prefix, buffer, at) : -1;
            if (written >= 0) {
                buffer[written - 1] = ':'; // where the prefix's newline went
                written = ascii(rest, buffer, written);
            }
            if (written < 0) {
                add(prefix + ":" + rest); // beyond ASCII or longer than the buffer: nothing of it was counted
                return;
            }
            at = written;
        }

        String digest() {
            sha.update(buffer, 0, at);
            at = 0;
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
    }

    /**
     * Writes {@code key} and a newline at {@code at} as ASCII, the UTF-8 of such text, and gives where the next
     * line goes; -1, with nothing of it counted, for a key with any other character.
     */
    private static int ascii(String key, byte[] buffer, int at) {
        int length = key.length();
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            buffer[at + i] = (byte) c;
        }
        buffer[at + length] = '\n';
        return at + length + 1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
