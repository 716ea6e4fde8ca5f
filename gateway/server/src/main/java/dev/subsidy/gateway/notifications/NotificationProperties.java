package dev.subsidy.gateway.notifications;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.notifications.*}, checked at startup: a webhook that could never be reached or signed
 * stops the gateway naming the setting, rather than failing silently at the first incident.
 *
 * @param webhooks receivers of notices; none means the feature is off (no route runs)
 * @param checkInterval how often conditions are checked and due notices sent
 * @param backlogAge a PENDING batch older than this opens a DELIVERY_BACKLOG_OLD incident; absent:
 *     {@code gateway.health.delivery-backlog-age}, so health and notices agree
 * @param maxAttempts posts of one notice within one check when the receiver answers 5xx, 408, 429 or not at all
 * @param retryBackoff the wait before the second attempt, doubled before each later one
 */
@ConfigurationProperties("gateway.notifications")
public record NotificationProperties(
        List<Webhook> webhooks,
        @DefaultValue("30s") Duration checkInterval,
        Duration backlogAge,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff) {

    private static final String PREFIX = "gateway.notifications.";
    private static final Duration SHORTEST_CHECK = Duration.ofMillis(100);
    private static final Duration LONGEST_CHECK = Duration.ofDays(1);

    public NotificationProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook hook = webhooks.get(i);
            String name = PREFIX + "webhooks[" + i + "]";
            checkUrl(name, hook);
            if (hook.secret() == null || hook.secret().isBlank()) {
                throw new IllegalArgumentException(name + ".secret is not set: notices are signed like the award push;"
                        + " pass it through the environment (GATEWAY_NOTIFICATIONS_WEBHOOKS_" + i + "_SECRET)");
            }
            if (!urls.add(hook.url().toString())) {
                throw new IllegalArgumentException(name + ".url " + hook.safeName() + " is configured twice");
            }
        }
        between("check-interval", checkInterval, SHORTEST_CHECK, LONGEST_CHECK);
        if (backlogAge != null && (backlogAge.isNegative() || backlogAge.isZero())) {
            throw new IllegalArgumentException(PREFIX + "backlog-age must be positive, was " + backlogAge);
        }
        between("connect-timeout", connectTimeout, SHORTEST_CHECK, Duration.ofMinutes(5));
        between("response-timeout", responseTimeout, SHORTEST_CHECK, Duration.ofMinutes(5));
        between("retry-backoff", retryBackoff, Duration.ofMillis(10), Duration.ofMinutes(10));
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException(PREFIX + "max-attempts must be 1 to 10, was " + maxAttempts);
        }
    }

    /** Webhooks are configured: the notifier and its route run. */
    public boolean enabled() {
        return !webhooks.isEmpty();
    }

    private static void checkUrl(String name, Webhook hook) {
        if (hook.url() == null) {
            throw new IllegalArgumentException(name + ".url is not set");
        }
        String scheme = hook.url().getScheme();
        if (!hook.url().isAbsolute() || hook.url().getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(name + ".url must be an absolute http or https URL with a host, was "
                    + hook.safeName());
        }
    }

    private static void between(String name, Duration value, Duration least, Duration most) {
        if (value == null || value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw new IllegalArgumentException(PREFIX + name + " must be from " + least + " to " + most + ", was " + value);
        }
    }
}
