package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.signers.CainiaoSigner;
import dev.subsidy.connector.signers.JtSigner;
import dev.subsidy.connector.signers.StoSigner;

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

    /**
     * ZTO: header {@code x-datadigest} = Base64(MD5([x-timestamp +] raw body + appSecret)), or over the
     * decoded {@code name=value&…} of a form body, as ZTO's zopsdk-java signs [H].
     */
    static PushVerifier zto() {
        return new ZtoPushVerifier();
    }

    /** kuaidi100: form fields {@code param} and {@code sign} = upper-case hex MD5(param + salt) [H]. */
    static PushVerifier kuaidi100() {
        return Kuaidi100PushVerifier.salted();
    }

    /**
     * kuaidi100 subscribed without a salt: no keyed signature; a {@code sign}, when present, must be
     * MD5(param). Call {@link #verify} with an empty secret.
     */
    static PushVerifier kuaidi100Unsigned() {
        return Kuaidi100PushVerifier.unsigned();
    }

    /** STO (LINK gateway): form field {@code data_digest} = Base64(MD5(content + secretKey)) [M: the call scheme, applied to pushes]. */
    static PushVerifier sto() {
        return new SignedFieldVerifier("STO", new StoSigner(), "content", "data_digest", false);
    }

    /**
     * Cainiao (LINK gateway): {@code data_digest} = Base64(MD5(logistics_interface + secretKey)), Cainiao's
     * documented {@code doSign} [H for the scheme; M: the call scheme, applied to pushes]. A digest whose
     * {@code +} arrived as a space is accepted.
     */
    static PushVerifier cainiao() {
        return new SignedFieldVerifier("Cainiao", new CainiaoSigner(), "logistics_interface", "data_digest", false);
    }

    /** J&amp;T: header {@code digest} = Base64(MD5(bizContent + privateKey)) [L: the call scheme, applied to pushes]. */
    static PushVerifier jt() {
        return new SignedFieldVerifier("J&T", new JtSigner(), "bizContent", "digest", true);
    }
}
