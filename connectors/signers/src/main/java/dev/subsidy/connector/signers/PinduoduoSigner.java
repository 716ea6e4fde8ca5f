package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.Map;

/**
 * Pinduoduo open platform (拼多多): parameter {@code sign} = upper-case hex
 * MD5(client_secret + s + client_secret), where s joins every parameter except {@code sign} (common and
 * business parameters alike, which Pinduoduo sends flat) sorted by name as {@code k1v1k2v2…}.
 *
 * <p>Unlike TOP and JD JOS, an empty or blank value is <em>not</em> left out: its name and value are in
 * s like any other, as in Pinduoduo's SDK ({@code SignUtils.buildSignSource} appends every entry of the
 * sorted map). See {@link SortedParams#everyParam}.
 */
public final class PinduoduoSigner implements RequestSigner {

    public static final String NAME = "pinduoduo";

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
        return SortedParams.everyParam(params);
    }
}
