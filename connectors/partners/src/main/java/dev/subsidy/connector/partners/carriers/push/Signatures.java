package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Constant-time comparison of a received signature with the expected one, and the refusal. */
final class Signatures {

    private Signatures() {
    }

    static void require(String carrier, String expected, String received) throws ConnectorException {
        require(carrier, expected, received, null);
    }

    /**
     * @param advice what the sender may have got wrong, added to the refusal when the signature does not
     *     match (never a signature or a secret), or {@code null}
     */
    static void require(String carrier, String expected, String received, String advice) throws ConnectorException {
        if (received == null || received.isBlank()) {
            throw new ConnectorException(Reason.UNAUTHORIZED, carrier + " push without its signature");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new ConnectorException(Reason.UNAUTHORIZED, carrier + " push signature does not match (wrong secret, or the push was altered)"
                    + (advice == null ? "" : "; " + advice));
        }
    }

    /**
     * A Base64 digest as the carrier computed it. A client that posts its form without URL-encoding it
     * turns each {@code +} of the digest into a space on the way (form decoding); Base64 has no spaces,
     * so a space can only be such a {@code +}, and both spellings are accepted.
     */
    static String base64AsSent(String received) {
        return received == null ? null : received.trim().replace(' ', '+');
    }

    /**
     * The advice for a form field signed over its decoded text that holds spaces: sent without
     * URL-encoding, each {@code +} in it arrived as a space and the text signed is no longer the text
     * received. That cannot be undone here (a space may be a real one), so the refusal says what to fix.
     */
    static String unencodedFormAdvice(String payload, String field) {
        return payload.indexOf(' ') < 0 ? null
                : "if the sender posts its form without URL-encoding it, each '+' in " + field
                        + " arrives as a space: it must URL-encode " + field + " (and the digest)";
    }
}
