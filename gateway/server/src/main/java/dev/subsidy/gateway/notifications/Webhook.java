package dev.subsidy.gateway.notifications;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * One receiver of notices, {@code gateway.notifications.webhooks[i]}.
 *
 * @param url where notices are posted; may carry a token in its query, so it is never logged whole
 * @param secret the HMAC key of the signature (from the environment); never logged
 * @param events what it is told about; absent or empty means every event
 */
public record Webhook(URI url, String secret, Set<NotificationEvent> events) {

    public Webhook {
        events = events == null || events.isEmpty() ? EnumSet.allOf(NotificationEvent.class) : EnumSet.copyOf(events);
    }

    /**
     * How the incident store names this webhook: a digest of its URL, so the database holds no token a
     * URL may carry. Another URL is another webhook, which is then told of the incidents still open.
     */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The URL as logs show it: scheme, host, port and path; no user-info, no query. */
    public String safeName() {
        if (url == null) {
            return "(none)";
        }
        if (url.getHost() == null) {
            return (url.getScheme() == null ? "" : url.getScheme() + ":") + (url.getRawPath() == null ? "" : url.getRawPath());
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "Webhook[" + safeName() + ", secret=" + (secret == null ? "(none)" : "****") + ", events=" + events + "]";
    }
}
