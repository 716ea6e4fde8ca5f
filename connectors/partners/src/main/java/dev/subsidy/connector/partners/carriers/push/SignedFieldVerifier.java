package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.util.Map;

/**
 * A push whose payload travels in one form field and is signed over that field (STO's content,
 * Cainiao's logistics_interface, J&amp;T's bizContent): the field is signed again with the carrier's
 * {@link RequestSigner}, and the result compared with the Base64 digest the push carries in a form
 * field or a header. A digest whose {@code +} arrived as a space (a form posted without URL-encoding)
 * is accepted; a payload damaged the same way is refused with a refusal that says so.
 */
final class SignedFieldVerifier implements PushVerifier {

    private final String carrier;
    private final RequestSigner signer;
    private final String field;
    private final String digest;
    private final boolean digestInHeader;

    SignedFieldVerifier(String carrier, RequestSigner signer, String field, String digest, boolean digestInHeader) {
        this.carrier = carrier;
        this.signer = signer;
        this.field = field;
        this.digest = digest;
        this.digestInHeader = digestInHeader;
    }

    @Override
    public void verify(PushRequest request, Secret secret) throws ConnectorException {
        Map<String, String> form = PushForm.fields(request);
        String payload = form.get(field);
        if (payload == null || payload.isEmpty()) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, carrier + " push without its " + field + " field");
        }
        SignatureResult expected = signer.sign(SignableRequest.builder().param(field, payload).secret(secret).build());
        String want = digestInHeader ? expected.headers().get(digest) : expected.params().get(digest);
        String got = digestInHeader ? request.header(digest).orElse(null) : form.get(digest);
        Signatures.require(carrier, want, Signatures.base64AsSent(got), Signatures.unencodedFormAdvice(payload, field));
    }
}
