package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Douyin shop open platform (抖店), as its Java SDK signs ({@code com.doudian.open.utils.SignUtil.sign}).
 *
 * <p>s = secret + "app_key" + app_key + "method" + method + "param_json" + P + "timestamp" + timestamp
 * + "v2" + secret, where P is {@code param_json} rewritten the SDK's way ({@link DoudianParamJson}:
 * keys sorted, Gson's escaping of {@code = & < > '}) and "v2" is fixed, as in the SDK, which ignores the
 * version it is given: a request whose {@code v} is not {@code 2} is refused rather than signed for a
 * version it does not send. The {@code param_json} sent is the request's own text, unchanged: the
 * platform sorts and rewrites it itself before checking, as the SDK (which sends it unsorted) relies on.
 * <ul>
 *   <li>{@code douyin-md5}: {@code sign} = lower-case hex MD5(s), {@code sign_method=md5};</li>
 *   <li>{@code douyin-hmac-sha256}: {@code sign} = lower-case hex HMAC-SHA256(secret, s),
 *       {@code sign_method=hmac-sha256} (the SDK's {@code stringToHmac} over the same s).</li>
 * </ul>
 * Inputs: parameters {@code app_key}, {@code method}, {@code timestamp}, {@code v} ({@code 2}) and
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
            paramJson = DoudianParamJson.signedText(request.param("param_json").orElse("{}"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " signature needs param_json to be a JSON object: " + e.getMessage());
        }
        String version = Inputs.param(name, request, "v");
        if (!version.equals("2")) {
            throw new IllegalArgumentException(name + " signs version 2 only (the platform's SDK signs a fixed \"v2\"), but the request says v="
                    + version);
        }
        String secret = Inputs.secret(name, request);
        String s = secret
                + "app_key" + Inputs.param(name, request, "app_key")
                + "method" + Inputs.param(name, request, "method")
                + "param_json" + paramJson
                + "timestamp" + Inputs.param(name, request, "timestamp")
                + "v2"
                + secret;
        Map<String, String> params = new LinkedHashMap<>();
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
