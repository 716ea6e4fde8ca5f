package dev.subsidy.gateway.security;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer the public contract gives (README "The public API", docs/api.md "Authentication"),
 * written from the contract's words and not from the gateway's rule table, so the two are checked
 * against each other: admin may do everything in the API; the reader may read figures, the keys a figure
 * counted, entered figures and awards; a feeder may post to its own connector's feed, its token in the header or, on a feed
 * post only, in {@code ?access_token=}; {@code /actuator/health} is open; the OpenAPI document and Swagger UI
 * are the administrator's; any other path is closed.
 */
final class ApiContract {

    /** Let in (a handler runs), or refused with 401 or 403. */
    static final int LET_IN = 0;

    private static final Pattern FEED_POST = Pattern.compile("/api/v1/feeds/([^/]+)/records");
    private static final Set<String> READABLE = Set.of("/api/v1/figures", "/api/v1/figures/entered", "/api/v1/awards");
    /** A figure id {@code <subjectId>/<METRIC>/<period>} is written into the path as it is. */
    private static final Pattern FIGURE_KEYS = Pattern.compile("/api/v1/figures/[^/]+/[^/]+/[^/]+/keys");

    /** The roles of the tokens the matrix presents. */
    enum Role { ADMIN, READER, FEEDER, UNKNOWN }

    /**
     * @param path the request path decoded, as the dispatcher serves it
     * @param role the role of the token presented, null without one
     * @param connector the feeder's connector
     * @param inUrl whether the token came as {@code ?access_token=} instead of the Authorization header
     */
    static int answer(String method, String path, Role role, String connector, boolean inUrl) {
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            return LET_IN;
        }
        Matcher feed = FEED_POST.matcher(path);
        boolean feedPost = method.equals("POST") && feed.matches();
        if (role == null || (inUrl && !feedPost)) {
            return 401; // a token in a URL is read on feed posts only
        }
        if (role == Role.UNKNOWN || (inUrl && role != Role.FEEDER)) {
            return 403;
        }
        boolean apiDocs = path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.equals("/v3/api-docs.yaml")
                || path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
        boolean inApi = path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/") || apiDocs;
        if (!inApi) {
            return 403;
        }
        return switch (role) {
            case ADMIN -> LET_IN;
            case READER -> method.equals("GET") && (READABLE.contains(path) || FIGURE_KEYS.matcher(path).matches())
                    ? LET_IN : 403;
            case FEEDER -> feedPost && feed.group(1).equals(connector) ? LET_IN : 403;
            case UNKNOWN -> 403;
        };
    }

    private ApiContract() {}
}
