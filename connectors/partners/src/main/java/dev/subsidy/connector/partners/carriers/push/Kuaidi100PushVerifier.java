package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * kuaidi100's subscription push: form fields {@code param} (the trace JSON) and {@code sign} =
 * upper-case hex MD5(param + salt), the salt being the one given when subscribing (its Java demo,
 * {@code Subscribe.callBackUrl}). Not the same text as kuaidi100's query signature
 * (param + key + customer), hence not its request signer.
 *
 * <p>A subscription made without a salt ({@link #unsigned()}) gets pushes that carry no keyed
 * signature: kuaidi100 documents {@code sign} as added only when a salt is given, and its demo checks
 * MD5(param) with an empty salt. Such a push is accepted without a {@code sign}; one that carries a
 * {@code sign} must match MD5(param), which proves nothing about the sender (anyone can compute it) but
 * refuses a damaged param.
 */
final class Kuaidi100PushVerifier implements PushVerifier {

    private final boolean salted;

    private Kuaidi100PushVerifier(boolean salted) {
        this.salted = salted;
    }

    /** Pushes of a subscription made with a salt: {@code sign} required. */
    static Kuaidi100PushVerifier salted() {
        return new Kuaidi100PushVerifier(true);
    }

    /** Pushes of a subscription made without a salt (definition setting {@code unsigned: true}). */
    static Kuaidi100PushVerifier unsigned() {
        return new Kuaidi100PushVerifier(false);
    }

    @Override
    public void verify(PushRequest request, Secret salt) throws ConnectorException {
        Map<String, String> form = PushForm.fields(request);
        String param = form.get("param");
        if (param == null || param.isEmpty()) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "kuaidi100 push without its param field");
        }
        String sign = form.get("sign");
        if (!salted && (sign == null || sign.isBlank())) {
            return;
        }
        Signatures.require("kuaidi100", md5UpperHex(param + (salted ? salt.reveal() : "")), sign,
                Signatures.unencodedFormAdvice(param, "param"));
    }

    private static String md5UpperHex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
