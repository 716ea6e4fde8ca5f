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

    /** The digest of keys already distinct and in String order (a TreeSet's order), without sorting them again. */
    static String ofSorted(Iterable<String> sortedDistinctKeys) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String key : sortedDistinctKeys) {
                sha.update((key + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
