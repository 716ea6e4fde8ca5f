package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * ZTO (中通) open platform: header {@code x-dataDigest} = Base64(MD5 raw bytes of (raw body + appSecret)).
 * The caller sets {@code x-appKey} itself. Also how ZTO signs its trace pushes, so a push connector
 * verifies one by signing the received body again.
 */
public final class ZtoSigner implements RequestSigner {

    public static final String NAME = "zto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.body(NAME, request) + Inputs.secret(NAME, request);
        return SignatureResult.header("x-dataDigest", Digests.base64(Digests.md5(text)));
    }
}
