package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;

/**
 * kuaidi100 (快递100) aggregator: form parameter {@code sign} = upper-case hex MD5(param + key + customer),
 * where {@code param} is the query JSON, {@code customer} the account id (both form fields) and the
 * secret is the key.
 */
public final class Kuaidi100Signer implements RequestSigner {

    public static final String NAME = "kuaidi100";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String text = Inputs.param(NAME, request, "param") + Inputs.secret(NAME, request) + Inputs.param(NAME, request, "customer");
        return SignatureResult.param("sign", Digests.hexUpper(Digests.md5(text)));
    }
}
