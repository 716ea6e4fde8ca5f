package dev.subsidy.simulators.carriers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The simulators' own arithmetic: MD5 through {@link MessageDigest}, Base64 and hex through the JDK,
 * never through the signers under test, so a signer that drifts from the carrier's scheme fails here
 * as it would at the carrier. Also form and query decoding. Stateless.
 */
public final class Digest {

    private Digest() {
    }

    public static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static String base64Md5(String text) {
        return Base64.getEncoder().encodeToString(md5(text));
    }

    public static String hexMd5(String text) {
        return HexFormat.of().formatHex(md5(text));
    }

    public static String upperHexMd5(String text) {
        return hexMd5(text).toUpperCase(Locale.ROOT);
    }

    /** Fields of an {@code application/x-www-form-urlencoded} text (or a query string). */
    public static Map<String, String> form(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Query parameters of a request URL such as {@code /path?a=1&b=2}. */
    public static Map<String, String> query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? new LinkedHashMap<>() : form(url.substring(q + 1));
    }
}
