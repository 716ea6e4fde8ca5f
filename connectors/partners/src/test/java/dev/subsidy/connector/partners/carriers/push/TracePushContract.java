package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.testkit.PushConnectorContractTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The push contract for one carrier format of the {@code trace-push} type: where the carrier puts its
 * payload (the JSON body or a form field) and its signature (a header or a form field), and how it
 * computes it. The signature is computed here over the bytes sent, with the JDK's MD5, never with the
 * verifier under test. One subclass per carrier.
 */
abstract class TracePushContract extends PushConnectorContractTest {

    static final String SECRET = "carrier-push-secret";
    private static final String OTHER_SECRET = "someone-elses-secret";

    /** How a carrier's digest is written. */
    enum DigestForm {
        /** Base64(MD5(payload + secret)): ZTO, STO, Cainiao, J&amp;T. */
        BASE64_MD5,
        /** Upper-case hex MD5(payload + secret): kuaidi100. */
        UPPER_HEX_MD5
    }

    private final String carrier;
    private final String formField;
    private final String digest;
    private final boolean digestInHeader;
    private final DigestForm digestForm;

    /**
     * @param carrier the {@code carrier} setting
     * @param formField the form field holding the payload, or {@code null} for a JSON body
     * @param digest the header or form field of the signature, or {@code null} when the carrier does not sign
     * @param digestInHeader whether the signature travels in a header (else in a form field)
     */
    TracePushContract(String carrier, String formField, String digest, boolean digestInHeader, DigestForm digestForm) {
        this.carrier = carrier;
        this.formField = formField;
        this.digest = digest;
        this.digestInHeader = digestInHeader;
        this.digestForm = digestForm;
    }

    /** A carrier that posts unsigned JSON. */
    TracePushContract(String carrier) {
        this(carrier, null, null, false, null);
    }

    @Override
    protected ConnectorProvider provider() {
        return new TracePushProvider();
    }

    @Override
    protected Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TracePushProvider.CARRIER, carrier);
        if (digest != null) {
            settings.put(TracePushProvider.VERIFY_SECRET, SECRET);
        }
        return settings;
    }

    @Override
    protected boolean partnerSigns() {
        return digest != null;
    }

    @Override
    protected PushRequest push(byte[] payload, Signing signing) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String signature = digest == null || signing == Signing.NONE ? null
                : sign(payload, signing == Signing.RIGHT ? SECRET : OTHER_SECRET);
        if (signature != null && digestInHeader) {
            headers.put(digest, List.of(signature));
        }
        if (formField == null) {
            return new PushRequest("application/json;charset=UTF-8", headers, Map.of(), payload);
        }
        StringBuilder form = new StringBuilder(formField).append('=').append(formEncode(payload));
        if (signature != null && !digestInHeader) {
            form.append('&').append(digest).append('=').append(formEncode(signature.getBytes(StandardCharsets.UTF_8)));
        }
        return new PushRequest("application/x-www-form-urlencoded;charset=UTF-8", headers, Map.of(),
                form.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(byte[] payload, String secret) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(payload);
        signed.writeBytes(secret.getBytes(StandardCharsets.UTF_8));
        byte[] md5 = md5(signed.toByteArray());
        return digestForm == DigestForm.BASE64_MD5 ? Base64.getEncoder().encodeToString(md5)
                : HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The bytes form-encoded as a browser does ({@code application/x-www-form-urlencoded}): the same as
     * {@link java.net.URLEncoder} for UTF-8 text, and it carries bytes of any other charset as they are.
     */
    static String formEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '*') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

}
