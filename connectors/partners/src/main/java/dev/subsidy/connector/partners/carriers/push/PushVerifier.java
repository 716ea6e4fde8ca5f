package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.signers.CainiaoSigner;
import dev.subsidy.connector.signers.JtSigner;
import dev.subsidy.connector.signers.StoSigner;
import dev.subsidy.connector.signers.ZtoSigner;

/**
 * Checks the signature a carrier puts on its trace push, so that only the carrier can feed the
 * gateway through a push connector (the feeder token alone would let anyone who learns the callback
 * URL post traces). A push whose signature is missing or wrong is refused as a whole with
 * {@link ConnectorException.Reason#UNAUTHORIZED}; the message never shows a signature or the secret.
 *
 * <p>Implementations are stateless and thread-safe, and compare in constant time.
 */
public interface PushVerifier {

    /**
     * Returns normally when the push carries the signature the secret gives.
     *
     * @throws ConnectorException with reason UNAUTHORIZED when it does not
     */
    void verify(PushRequest request, Secret secret) throws ConnectorException;

    /** ZTO: header {@code x-dataDigest} = Base64(MD5(raw body + appSecret)), as ZTO signs its calls [H]. */
    static PushVerifier zto() {
        return new SignedBodyVerifier("ZTO", new ZtoSigner(), "x-dataDigest");
    }

    /** kuaidi100: form fields {@code param} and {@code sign} = upper-case hex MD5(param + salt) [H]. */
    static PushVerifier kuaidi100() {
        return new Kuaidi100PushVerifier();
    }

    /** STO (LINK gateway): form field {@code data_digest} = Base64(MD5(content + secretKey)) [M: the call scheme, applied to pushes]. */
    static PushVerifier sto() {
        return new SignedFieldVerifier("STO", new StoSigner(), "content", "data_digest", false);
    }

    /** Cainiao (LINK gateway): {@code data_digest} = Base64(MD5(logistics_interface + secretKey)) [M: the call scheme, applied to pushes]. */
    static PushVerifier cainiao() {
        return new SignedFieldVerifier("Cainiao", new CainiaoSigner(), "logistics_interface", "data_digest", false);
    }

    /** J&amp;T: header {@code digest} = Base64(MD5(bizContent + privateKey)) [L: the call scheme, applied to pushes]. */
    static PushVerifier jt() {
        return new SignedFieldVerifier("J&T", new JtSigner(), "bizContent", "digest", true);
    }
}
