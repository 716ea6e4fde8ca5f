package dev.subsidy.connector.partners.markets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The marketplaces' signatures computed the way each platform's server does, straight from
 * {@link MessageDigest} and {@link Mac}: written apart from the signers under test, so a simulator
 * refuses a request that a wrong signer signed, as the platform would.
 */
final class Signatures {

    private Signatures() {
    }

    /**
     * TOP, JD JOS and Pinduoduo sign the same text: every parameter but {@code sign}, sorted by name,
     * written name then value with nothing between, empty values left out.
     */
    static String sortedNameValues(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign") && value != null && !value.isEmpty()) {
                s.append(name).append(value);
            }
        });
        return s.toString();
    }

    /** Hex MD5 of secret + text + secret (TOP md5, JD JOS, Pinduoduo), upper case. */
    static String md5Wrapped(String secret, String text) {
        return hex(digest("MD5", secret + text + secret)).toUpperCase(java.util.Locale.ROOT);
    }

    /** Hex MD5 of the text, lower case (Douyin md5, whose text already holds the secret at both ends). */
    static String md5(String text) {
        return hex(digest("MD5", text));
    }

    /** Hex HMAC of the text keyed by the secret, lower case: {@code HmacMD5} (TOP hmac), {@code HmacSHA256}. */
    static String hmac(String algorithm, String secret, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
