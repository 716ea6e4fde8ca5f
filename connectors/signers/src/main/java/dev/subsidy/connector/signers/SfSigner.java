package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * SF Express (顺丰) open platform: form parameter {@code msgDigest} =
 * Base64(MD5 raw bytes of {@code URLEncoder.encode(msgData + timestamp + checkWord, "UTF-8")}).
 * Inputs: parameters {@code msgData} and {@code timestamp}; the secret is the check word.
 * ({@link URLEncoder} form encoding, as SF's Java demo: a space becomes {@code +}.)
 */
public final class SfSigner implements RequestSigner {

    public static final String NAME = "sf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.param(NAME, request, "msgData") + Inputs.param(NAME, request, "timestamp") + Inputs.secret(NAME, request);
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        return SignatureResult.param("msgDigest", Digests.base64(Digests.md5(encoded)));
    }
}
