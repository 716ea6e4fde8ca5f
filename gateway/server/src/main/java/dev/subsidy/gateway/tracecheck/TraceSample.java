package dev.subsidy.gateway.tracecheck;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Function;

/**
 * Which of a period's parcels the carriers are asked about: every one while there are at most
 * {@code allBelow}; above, those whose natural key's SHA-256 falls below {@code share}. The choice
 * depends on the key alone: the same parcel is chosen on every run and on every gateway, whatever the
 * order the feeds sent it in, and sending more or fewer other parcels does not change it (above the
 * threshold). Stateless.
 */
final class TraceSample {

    /** 2^64 as a decimal: a hash's first eight bytes, unsigned, divided by it lie in [0, 1). */
    private static final BigDecimal TWO_TO_64 = new BigDecimal("18446744073709551616");

    private final int allBelow;
    private final BigDecimal share;

    TraceSample(int allBelow, BigDecimal share) {
        this.allBelow = allBelow;
        this.share = share;
    }

    /** The chosen items, in their order. */
    <T> List<T> choose(List<T> items, Function<T, String> naturalKey) {
        if (items.size() <= allBelow) {
            return List.copyOf(items);
        }
        return items.stream().filter(i -> chosen(naturalKey.apply(i))).toList();
    }

    /** Whether a key is in the share (regardless of the volume). */
    boolean chosen(String naturalKey) {
        return position(naturalKey).compareTo(share) < 0;
    }

    /** The key's place in [0, 1). */
    static BigDecimal position(String naturalKey) {
        byte[] hash = sha256(naturalKey.getBytes(StandardCharsets.UTF_8));
        BigDecimal top = BigDecimal.ZERO;
        for (int i = 0; i < 8; i++) {
            top = top.multiply(BigDecimal.valueOf(256)).add(BigDecimal.valueOf(hash[i] & 0xff));
        }
        return top.divide(TWO_TO_64);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
