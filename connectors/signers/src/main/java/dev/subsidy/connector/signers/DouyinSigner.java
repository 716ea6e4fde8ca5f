package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Douyin shop open platform (抖店).
 *
 * <p>The {@code param_json} parameter is first rewritten in canonical form (object keys sorted at every
 * level, no whitespace; see {@link CanonicalJson}) and the canonical text is both signed and sent, so
 * the two cannot differ. Then s = secret + "app_key" + app_key + "method" + method + "param_json" +
 * param_json + "timestamp" + timestamp + "v" + v + secret, and
 * <ul>
 *   <li>{@code douyin-md5}: {@code sign} = lower-case hex MD5(s), {@code sign_method=md5};</li>
 *   <li>{@code douyin-hmac-sha256}: {@code sign} = lower-case hex HMAC-SHA256(secret, s),
 *       {@code sign_method=hmac-sha256}.</li>
 * </ul>
 * Inputs: parameters {@code app_key}, {@code method}, {@code timestamp}, {@code v} and
 * {@code param_json} ({@code {}} when absent).
 */
public abstract sealed class DouyinSigner implements RequestSigner permits DouyinSigner.Md5, DouyinSigner.HmacSha256 {

    private final String name;
    private final String signMethod;

    private DouyinSigner(String name, String signMethod) {
        this.name = name;
        this.signMethod = signMethod;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final SignatureResult sign(SignableRequest request) {
        String paramJson;
        try {
            paramJson = CanonicalJson.canonical(request.param("param_json").orElse("{}"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " signature needs param_json to be JSON: " + e.getMessage());
        }
        String secret = Inputs.secret(name, request);
        String s = secret
                + "app_key" + Inputs.param(name, request, "app_key")
                + "method" + Inputs.param(name, request, "method")
                + "param_json" + paramJson
                + "timestamp" + Inputs.param(name, request, "timestamp")
                + "v" + Inputs.param(name, request, "v")
                + secret;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("param_json", paramJson);
        params.put("sign_method", signMethod);
        params.put("sign", Digests.hexLower(digest(secret, s)));
        return SignatureResult.params(params);
    }

    abstract byte[] digest(String secret, String s);

    /** {@code douyin-md5}. */
    public static final class Md5 extends DouyinSigner {
        public Md5() {
            super("douyin-md5", "md5");
        }

        @Override
        byte[] digest(String secret, String s) {
            return Digests.md5(s);
        }
    }

    /** {@code douyin-hmac-sha256}. */
    public static final class HmacSha256 extends DouyinSigner {
        public HmacSha256() {
            super("douyin-hmac-sha256", "hmac-sha256");
        }

        @Override
        byte[] digest(String secret, String s) {
            return Digests.hmac("HmacSHA256", secret, s);
        }
    }
}
