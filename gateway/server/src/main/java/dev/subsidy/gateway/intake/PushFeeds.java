package dev.subsidy.gateway.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * Push connectors defined at runtime, which the feed endpoint hands their posts to: their native
 * payloads go through the connector and its mapping instead of being read as standard records.
 * Implemented by the connector runtime; the intake only asks.
 */
public interface PushFeeds {

    /** Whether a push connector of this id is defined. */
    boolean has(String connectorId);

    /**
     * Takes one post for that connector (the caller is already authenticated for it).
     *
     * @param body the raw body, within the feed size limit
     * @return the reply to send: the intake receipt, or the partner's expected acknowledgement
     */
    ResponseEntity<?> receive(String connectorId, HttpServletRequest request, byte[] body);
}
