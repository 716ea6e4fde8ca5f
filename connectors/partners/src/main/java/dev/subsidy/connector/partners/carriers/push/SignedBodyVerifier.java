package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.api.SignableRequest;

/**
 * A push signed over its raw body into a header (ZTO): the body is signed again with the carrier's
 * own {@link RequestSigner} and the results compared.
 */
final class SignedBodyVerifier implements PushVerifier {

    private final String carrier;
    private final RequestSigner signer;
    private final String header;

    SignedBodyVerifier(String carrier, RequestSigner signer, String header) {
        this.carrier = carrier;
        this.signer = signer;
        this.header = header;
    }

    @Override
    public void verify(PushRequest request, Secret secret) throws ConnectorException {
        String body = request.bodyText();
        if (body.isEmpty()) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, carrier + " push with an empty body");
        }
        String expected = signer.sign(SignableRequest.builder().body(body).secret(secret).build()).headers().get(header);
        Signatures.require(carrier, expected, request.header(header).orElse(null));
    }
}
