package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * YTO (圆通) old gateway: form parameter {@code sign} = upper-case hex MD5(secret + "app_key" + v +
 * "format" + v + "method" + v + "timestamp" + v + "user_id" + v + "v" + v). The {@code param} field
 * (the business XML or JSON) is not signed.
 */
public final class YtoLegacySigner implements RequestSigner {

    public static final String NAME = "yto-legacy";

    private static final String[] SIGNED = {"app_key", "format", "method", "timestamp", "user_id", "v"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        StringBuilder text = new StringBuilder(Inputs.secret(NAME, request));
        for (String name : SIGNED) {
            text.append(name).append(Inputs.param(NAME, request, name));
        }
        return SignatureResult.param("sign", Digests.hexUpper(Digests.md5(text.toString())));
    }
}
