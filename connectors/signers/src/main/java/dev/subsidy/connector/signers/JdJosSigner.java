package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.Map;

/**
 * JD marketplace open platform (JOS, 京东宙斯): parameter {@code sign} = upper-case hex
 * MD5(secret + s + secret), where s joins every parameter except {@code sign} — system parameters and
 * {@code 360buy_param_json} alike — sorted by name as {@code k1v1k2v2…}, leaving out a parameter whose
 * name or value is empty or only whitespace, as JD's Java SDK does ({@code DefaultJdClient.sign} with
 * {@code StringUtil.areNotEmpty}; see {@link SortedParams#withoutBlankValues}).
 */
public final class JdJosSigner implements RequestSigner {

    public static final String NAME = "jd-jos";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String secret = Inputs.secret(NAME, request);
        return SignatureResult.param("sign", Digests.hexUpper(Digests.md5(secret + stringToSign(request.params()) + secret)));
    }

    /** The sorted {@code k1v1k2v2…} text, without the secret (package-visible for tests). */
    static String stringToSign(Map<String, String> params) {
        return SortedParams.withoutBlankValues(params);
    }
}
