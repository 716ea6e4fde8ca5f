package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.signers.ZtoSigner;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ZTO's signature as its own client, zopsdk-java ({@code ZopClient.execute} with
 * {@code ZopDigestUtil.digest}), puts it on a call: header {@code x-datadigest} (any case) =
 * Base64(MD5(t + text + appSecret)), where t is the {@code x-timestamp} header when the client sends one
 * (else nothing) and text is the raw JSON body, or, for a form-encoded body, its fields decoded and
 * joined as {@code name=value&name=value} in the order sent. The MD5 and Base64 are
 * {@link ZtoSigner}'s.
 */
final class ZtoPushVerifier implements PushVerifier {

    static final String DIGEST = "x-datadigest";
    static final String TIMESTAMP = "x-timestamp";

    @Override
    public void verify(PushRequest request, Secret secret) throws ConnectorException {
        String text = PushForm.isForm(request)
                ? PushForm.bodyFields(request).stream().map(f -> f.getKey() + "=" + f.getValue()).collect(Collectors.joining("&"))
                : request.bodyText();
        if (text.isEmpty()) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "ZTO push with an empty body");
        }
        String signed = request.header(TIMESTAMP).map(String::trim).orElse("") + text;
        Map<String, String> expected = new ZtoSigner().sign(SignableRequest.builder().body(signed).secret(secret).build()).headers();
        Signatures.require("ZTO", expected.get("x-dataDigest"), Signatures.base64AsSent(request.header(DIGEST).orElse(null)));
    }
}
