package dev.subsidy.connector.http.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpReply;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Turns a failed reply into a {@link ConnectorException} with the reason the gateway acts on.
 *
 * <p>The partner's own error code comes first, when {@code error_code_path} (the first of its pointers
 * that holds a value) finds one that is not a success code: many Chinese open platforms answer HTTP 200 with an error body (Taobao
 * {@code error_response.code} 7 for the call limit, 25 for a bad signature; ZTO {@code S221},
 * {@code S211}). A code in none of the configured lists falls back to the HTTP status, and on a 2xx is
 * {@link Reason#FATAL}. Then the status: 401 and 403 unauthorized, 429 rate limited, 408 and 5xx
 * transient, 404 a configuration error (wrong base URL or path), any other non-2xx fatal. A
 * {@code Retry-After} header is carried along on every retryable reason.
 *
 * <p>Messages name codes and statuses and quote the partner's message, shortened; never a header,
 * the query or the request. Stateless apart from its settings; thread-safe.
 */
final class ErrorClassifier {

    /** Longest quote of a partner's message. */
    private static final int QUOTE = 200;

    private final ReplySpec spec;
    private final Clock clock;

    ErrorClassifier(ReplySpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    /**
     * Throws when the reply is a failure.
     *
     * @param root the parsed body, or {@code null} when it is not JSON
     */
    void check(HttpReply reply, JsonNode root) throws ConnectorException {
        Duration retryAfter = reply.retryAfter(ZonedDateTime.now(clock)).orElse(null);
        Optional<String> code = text(root, spec.errorCode()).filter(c -> !spec.successCodes().contains(c));
        if (code.isPresent()) {
            String c = code.get();
            String what = "partner error code " + c + message(root);
            if (spec.rateLimitedCodes().contains(c)) {
                throw new ConnectorException(Reason.RATE_LIMITED, what, retryAfter, null);
            }
            if (spec.unauthorizedCodes().contains(c)) {
                throw new ConnectorException(Reason.UNAUTHORIZED, what);
            }
            if (spec.transientCodes().contains(c)) {
                throw new ConnectorException(Reason.TRANSIENT, what, retryAfter, null);
            }
            if (reply.isSuccess()) {
                throw new ConnectorException(Reason.FATAL, what);
            }
        }
        if (reply.isSuccess()) {
            return;
        }
        int status = reply.status();
        String what = "HTTP " + status + code.map(c -> ", partner error code " + c).orElse("") + message(root);
        if (status == 401 || status == 403) {
            throw new ConnectorException(Reason.UNAUTHORIZED, "credentials refused: " + what);
        }
        if (status == 429) {
            throw new ConnectorException(Reason.RATE_LIMITED, "rate limited: " + what, retryAfter, null);
        }
        if (status == 408 || status >= 500) {
            throw new ConnectorException(Reason.TRANSIENT, "partner failed: " + what, retryAfter, null);
        }
        if (status == 404) {
            throw new ConnectorException(Reason.CONFIGURATION, "not found (check base_url and path): " + what);
        }
        throw new ConnectorException(Reason.FATAL, "partner refused the request: " + what);
    }

    private String message(JsonNode root) {
        return text(root, spec.errorMessage())
                .map(m -> ": " + (m.length() <= QUOTE ? m : m.substring(0, QUOTE) + "…"))
                .orElse("");
    }

    /** The text at the first of these pointers that holds a non-blank value. */
    private static Optional<String> text(JsonNode root, List<JsonPointer> at) {
        if (root == null) {
            return Optional.empty();
        }
        for (JsonPointer pointer : at) {
            JsonNode node = root.at(pointer);
            if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
                continue;
            }
            String text = node.asText().trim();
            if (!text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
