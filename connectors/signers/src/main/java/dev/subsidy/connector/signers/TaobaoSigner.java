package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Taobao / Tmall open platform (TOP). Every parameter except {@code sign} takes part, sorted by name,
 * joined as {@code k1v1k2v2…} (s), leaving out a parameter whose name or value is empty <em>or only
 * whitespace</em> ({@link SortedParams#withoutBlankValues}). The {@code sign_method} parameter is set by
 * the signer (and signed); a request that already names a different method is refused.
 *
 * <p>Two of Alibaba's own clients disagree on blank values: the Java SDK
 * ({@code TaobaoUtils.signTopRequest}, {@code StringUtils.areNotEmpty}) leaves {@code " "} and
 * {@code "\n"} out of s, while the Node.js client signs every key. This signer follows the Java SDK:
 * it is the client most integrators use, the one TOP's own documentation prints, and its vectors are in
 * {@code OfficialSdkVectorsTest}.
 * <ul>
 *   <li>{@code taobao-md5}: upper-case hex MD5(secret + s + secret);</li>
 *   <li>{@code taobao-hmac}: upper-case hex HMAC-MD5(secret, s);</li>
 *   <li>{@code taobao-hmac-sha256}: upper-case hex HMAC-SHA256(secret, s).</li>
 * </ul>
 */
public abstract sealed class TaobaoSigner implements RequestSigner
        permits TaobaoSigner.Md5, TaobaoSigner.Hmac, TaobaoSigner.HmacSha256 {

    private final String name;
    private final String signMethod;

    private TaobaoSigner(String name, String signMethod) {
        this.name = name;
        this.signMethod = signMethod;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final SignatureResult sign(SignableRequest request) {
        String declared = request.param("sign_method").orElse(signMethod);
        if (!declared.equals(signMethod)) {
            throw new IllegalArgumentException(name + " signs with sign_method=" + signMethod + ", but the request says " + declared);
        }
        Map<String, String> signed = new LinkedHashMap<>(request.params());
        signed.put("sign_method", signMethod);
        String s = SortedParams.withoutBlankValues(signed);
        String secret = Inputs.secret(name, request);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sign_method", signMethod);
        params.put("sign", Digests.hexUpper(digest(secret, s)));
        return SignatureResult.params(params);
    }

    abstract byte[] digest(String secret, String s);

    /** {@code taobao-md5}. */
    public static final class Md5 extends TaobaoSigner {
        public Md5() {
            super("taobao-md5", "md5");
        }

        @Override
        byte[] digest(String secret, String s) {
            return Digests.md5(secret + s + secret);
        }
    }

    /** {@code taobao-hmac} (HMAC-MD5). */
    public static final class Hmac extends TaobaoSigner {
        public Hmac() {
            super("taobao-hmac", "hmac");
        }

        @Override
        byte[] digest(String secret, String s) {
            return Digests.hmac("HmacMD5", secret, s);
        }
    }

    /** {@code taobao-hmac-sha256}. */
    public static final class HmacSha256 extends TaobaoSigner {
        public HmacSha256() {
            super("taobao-hmac-sha256", "hmac-sha256");
        }

        @Override
        byte[] digest(String secret, String s) {
            return Digests.hmac("HmacSHA256", secret, s);
        }
    }
}
