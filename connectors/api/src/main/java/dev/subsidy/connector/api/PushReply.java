package dev.subsidy.connector.api;

import java.util.Objects;

/**
 * What the gateway answers a partner's push with once its records are stored. Immutable and
 * thread-safe.
 *
 * @param status the HTTP status (2xx)
 * @param contentType the reply's content type
 * @param body the reply body
 */
public record PushReply(int status, String contentType, String body) {

    public PushReply {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a push acknowledgement is a 2xx reply, not " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** A 200 reply with a JSON body. */
    public static PushReply json(String body) {
        return new PushReply(200, "application/json;charset=UTF-8", body);
    }

    /** A 200 reply with a plain-text body (some carriers expect {@code "success"}). */
    public static PushReply text(String body) {
        return new PushReply(200, "text/plain;charset=UTF-8", body);
    }
}
