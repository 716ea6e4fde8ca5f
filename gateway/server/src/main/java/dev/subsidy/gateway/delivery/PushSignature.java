package dev.subsidy.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Gateway-Signature} header: {@code t=<unix seconds>,v1=<lower hex HMAC-SHA256(secret,
 * t + "." + raw body)>}. Computed at send time, so a batch resent a day later still carries a fresh
 * {@code t} (the intake refuses signatures older than 300 s) over the same bytes.
 * Immutable and thread-safe.
 */
public final class PushSignature {

    public static final String HEADER = "X-Gateway-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public PushSignature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for {@code body} (the exact bytes sent) signed at {@code epochSecond}. */
    public String sign(long epochSecond, byte[] body) {
        String t = Long.toString(epochSecond);
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac instances are not thread-safe: one per call
            mac.init(key);
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "PushSignature[****]";
    }
}
