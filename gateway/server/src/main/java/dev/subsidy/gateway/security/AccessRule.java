package dev.subsidy.gateway.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each role may call. Admin: everything. Reader: read figures and awards. Feeder: post
 * records to its own connector only.
 */
final class AccessRule {

    private static final Pattern FEED = Pattern.compile("/api/v1/feeds/([^/]+)/records/?");
    private static final Pattern READABLE = Pattern.compile("/api/v1/(figures|awards)(/.*)?");

    private AccessRule() {}

    static boolean isOpen(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    static boolean isFeedPost(String path) {
        return FEED.matcher(path).matches();
    }

    static boolean allows(Principal principal, String method, String path) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case READER -> "GET".equals(method) && READABLE.matcher(path).matches();
            case FEEDER -> {
                Matcher m = FEED.matcher(path);
                yield "POST".equals(method) && m.matches() && m.group(1).equals(principal.connectorId());
            }
        };
    }

    record Principal(Role role, String connectorId) {}
}
