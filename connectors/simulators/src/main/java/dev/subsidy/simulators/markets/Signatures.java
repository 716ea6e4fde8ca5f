package dev.subsidy.simulators.markets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The marketplaces' signatures computed the way each platform's own SDK computes them, straight from
 * {@link MessageDigest}, {@link Mac} and (for Douyin) Gson: written apart from the signers under test,
 * so a simulator refuses a request that a wrong signer signed, as the platform would. The rules are
 * pinned by vectors computed with the platforms' own code ({@code SignaturesTest}).
 */
public final class Signatures {

    /** Douyin's SDK writes the sorted param_json with Gson's defaults plus nulls. */
    private static final Gson GSON_WITH_NULLS = new GsonBuilder().serializeNulls().create();

    private Signatures() {
    }

    /**
     * TOP and JD JOS: every parameter but {@code sign}, sorted by name, name then value with nothing
     * between, leaving out those whose name or value is empty or only {@link Character#isWhitespace}
     * characters (their Java SDKs' {@code StringUtils.areNotEmpty}).
     */
    public static String withoutBlankValues(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign") && !onlyWhitespace(name) && !onlyWhitespace(value)) {
                s.append(name).append(value);
            }
        });
        return s.toString();
    }

    /** Pinduoduo: every parameter but {@code sign}, sorted by name, empty values with their names too. */
    public static String everyParam(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign")) {
                s.append(name).append(value);
            }
        });
        return s.toString();
    }

    /**
     * Douyin: the param_json text the platform signs. Gson reads the text; the keys of the top object and
     * of objects met through objects are sorted; an array whose first element is an object is replaced by
     * its object elements, each sorted (the rest dropped); any other value, other arrays included, stays as
     * read; Gson writes it, escaping {@code < > & = '}.
     *
     * @throws IllegalStateException when the text is not a JSON object (the platform refuses it)
     */
    public static String douyinParamJson(String paramJson) {
        return GSON_WITH_NULLS.toJson(sortedMembers(JsonParser.parseString(paramJson).getAsJsonObject()));
    }

    private static Map<String, Object> sortedMembers(JsonObject object) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        new TreeMap<>(object.asMap()).forEach((name, value) -> {
            if (value instanceof JsonObject nested) {
                sorted.put(name, sortedMembers(nested));
            } else if (value instanceof JsonArray array && !array.isEmpty() && array.get(0).isJsonObject()) {
                List<Object> objects = new ArrayList<>();
                for (JsonElement item : array) {
                    if (item.isJsonObject()) {
                        objects.add(sortedMembers(item.getAsJsonObject()));
                    }
                }
                sorted.put(name, objects);
            } else {
                sorted.put(name, value);
            }
        });
        return sorted;
    }

    /** Hex MD5 of secret + text + secret (TOP md5, JD JOS, Pinduoduo), upper case. */
    public static String md5Wrapped(String secret, String text) {
        return hex(digest("MD5", secret + text + secret)).toUpperCase(java.util.Locale.ROOT);
    }

    /** Hex MD5 of the text, lower case (Douyin md5, whose text already holds the secret at both ends). */
    public static String md5(String text) {
        return hex(digest("MD5", text));
    }

    /** Hex HMAC of the text keyed by the secret, lower case: {@code HmacMD5} (TOP hmac), {@code HmacSHA256}. */
    public static String hmac(String algorithm, String secret, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    private static boolean onlyWhitespace(String text) {
        return text.chars().allMatch(Character::isWhitespace);
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
