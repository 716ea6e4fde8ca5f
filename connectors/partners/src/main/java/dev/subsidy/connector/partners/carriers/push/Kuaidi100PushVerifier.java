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
 * upper-case hex MD5(param + salt), the salt being the one given when subscribing. Not the same text
 * as kuaidi100's query signature (param + key + customer), hence not its request signer.
 */
final class Kuaidi100PushVerifier implements PushVerifier {

    @Override
    public void verify(PushRequest request, Secret salt) throws ConnectorException {
        Map<String, String> form = PushForm.fields(request);
        String param = form.get("param");
        if (param == null || param.isEmpty()) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "kuaidi100 push without its param field");
        }
        Signatures.require("kuaidi100", md5UpperHex(param + salt.reveal()), form.get("sign"));
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
