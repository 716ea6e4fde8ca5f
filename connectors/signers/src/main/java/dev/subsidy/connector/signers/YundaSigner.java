package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * Yunda (韵达) open platform: header {@code sign} = lower-case hex MD5(raw body + "_" + appSecret).
 * The caller sets {@code app-key} and {@code req-time} itself.
 */
public final class YundaSigner implements RequestSigner {

    public static final String NAME = "yunda";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.body(NAME, request) + "_" + Inputs.secret(NAME, request);
        return SignatureResult.header("sign", Digests.hexLower(Digests.md5(text)));
    }
}
