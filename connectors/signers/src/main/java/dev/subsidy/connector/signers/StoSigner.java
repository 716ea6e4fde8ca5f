package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * STO (申通) open platform: form parameter {@code data_digest} = Base64(MD5 raw bytes of
 * (content + secretKey)), where {@code content} is the form field holding the business JSON.
 */
public final class StoSigner implements RequestSigner {

    public static final String NAME = "sto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.param(NAME, request, "content") + Inputs.secret(NAME, request);
        return SignatureResult.param("data_digest", Digests.base64(Digests.md5(text)));
    }
}
