package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * YTO (圆通) open platform: {@code sign} = Base64(MD5 raw bytes of (param + method + "v1" + secret)).
 * Inputs: {@code param} (the business JSON) as a parameter, {@code method} as a parameter or, when it
 * travels in the URL path, an attribute; the version is the attribute {@code version}, {@code v1} when
 * not given.
 */
public final class YtoSigner implements RequestSigner {

    public static final String NAME = "yto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String version = request.attributes().getOrDefault("version", "v1");
        String text = Inputs.param(NAME, request, "param") + Inputs.paramOrAttribute(NAME, request, "method")
                + version + Inputs.secret(NAME, request);
        return SignatureResult.param("sign", Digests.base64(Digests.md5(text)));
    }
}
