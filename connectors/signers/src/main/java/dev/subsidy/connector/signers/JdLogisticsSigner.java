package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JD Logistics (京东物流, LOP gateway): query parameters {@code sign} and {@code algorithm}.
 *
 * <p>Text = secret + "access_token" + access_token + "app_key" + app_key + "method" + path +
 * "param_json" + body + "timestamp" + timestamp + "v" + v + secret. With {@code algorithm}
 * {@code md5-salt} (the default) the sign is lower-case hex MD5(text); with {@code HMacMD5},
 * {@code HMacSHA1}, {@code HMacSHA256} or {@code HMacSHA512} it is Base64(HMAC(secret, text)).
 * The algorithm is read from the request's {@code algorithm} parameter when set.
 *
 * <p>Inputs: parameters {@code app_key}, {@code timestamp}, {@code v} and (may be absent)
 * {@code access_token}; the URL path, or the attribute {@code method} when given; the raw body.
 */
public final class JdLogisticsSigner implements RequestSigner {

    public static final String NAME = "jd-logistics";

    private static final Map<String, String> HMACS = Map.of(
            "HMacMD5", "HmacMD5", "HMacSHA1", "HmacSHA1", "HMacSHA256", "HmacSHA256", "HMacSHA512", "HmacSHA512");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SignatureResult sign(SignableRequest request) {
        String algorithm = request.param("algorithm").orElse("md5-salt");
        String secret = Inputs.secret(NAME, request);
        String text = secret
                + "access_token" + request.param("access_token").orElse("")
                + "app_key" + Inputs.param(NAME, request, "app_key")
                + "method" + request.attributes().getOrDefault("method", request.path())
                + "param_json" + request.body()
                + "timestamp" + Inputs.param(NAME, request, "timestamp")
                + "v" + Inputs.param(NAME, request, "v")
                + secret;
        String sign;
        if (algorithm.equals("md5-salt")) {
            sign = Digests.hexLower(Digests.md5(text));
        } else if (HMACS.containsKey(algorithm)) {
            sign = Digests.base64(Digests.hmac(HMACS.get(algorithm), secret, text));
        } else {
            throw new IllegalArgumentException(NAME + " signature algorithm must be md5-salt or one of " + HMACS.keySet());
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("algorithm", algorithm);
        params.put("sign", sign);
        return SignatureResult.params(params);
    }
}
