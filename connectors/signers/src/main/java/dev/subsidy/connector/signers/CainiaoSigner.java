package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * Cainiao (菜鸟) link gateway: form parameter {@code data_digest} = Base64(MD5 raw bytes of
 * (logistics_interface + secretKey)).
 */
public final class CainiaoSigner implements RequestSigner {

    public static final String NAME = "cainiao";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.param(NAME, request, "logistics_interface") + Inputs.secret(NAME, request);
        return SignatureResult.param("data_digest", Digests.base64(Digests.md5(text)));
    }
}
