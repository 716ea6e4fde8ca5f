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
        if (received == null || received.isBlank()) {
            throw new ConnectorException(Reason.UNAUTHORIZED, carrier + " push without its signature");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new ConnectorException(Reason.UNAUTHORIZED, carrier + " push signature does not match (wrong secret, or the push was altered)");
        }
    }
}
