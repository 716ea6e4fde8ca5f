package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * J&amp;T Express (极兔): header {@code digest} = Base64(MD5 raw bytes of (bizContent + privateKey)),
 * where {@code bizContent} is the form field holding the business JSON. The caller sets the
 * {@code apiAccount} and {@code timestamp} headers itself.
 */
public final class JtSigner implements RequestSigner {

    public static final String NAME = "jt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.param(NAME, request, "bizContent") + Inputs.secret(NAME, request);
        return SignatureResult.header("digest", Digests.base64(Digests.md5(text)));
    }
}
