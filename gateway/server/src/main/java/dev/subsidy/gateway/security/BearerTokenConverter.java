package dev.subsidy.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Finds the bearer token of a request: the {@code Authorization: Bearer} header; for a feed post
 * without that header, the {@value #QUERY_TOKEN} query parameter, since carriers call back a URL
 * registered with them and cannot add headers. No token (or a header of another scheme) is no
 * authentication at all: the rules then answer 401 wherever a token is needed.
 */
final class BearerTokenConverter implements AuthenticationConverter {

    static final String QUERY_TOKEN = "access_token";
    private static final String BEARER = "Bearer ";

    private final RequestMatcher feedPost;

    BearerTokenConverter(RequestMatcher feedPost) {
        this.feedPost = feedPost;
    }

    @Override
    public PresentedToken convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            boolean bearer = header.regionMatches(true, 0, BEARER, 0, BEARER.length());
            String token = bearer ? header.substring(BEARER.length()).strip() : "";
            return token.isEmpty() ? null : new PresentedToken(token, PresentedToken.Source.AUTHORIZATION_HEADER);
        }
        if (!feedPost.matches(request)) {
            return null;
        }
        String token = queryToken(request.getQueryString());
        return token == null ? null : new PresentedToken(token, PresentedToken.Source.URL);
    }

    /**
     * Read from the query string itself: {@code getParameter} would parse a form-encoded body (as
     * SF's and J&T's pushes are) and leave nothing for the feed to read.
     */
    static String queryToken(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(QUERY_TOKEN)) {
                String value = decode(pair.substring(eq + 1)).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // a broken escape: kept as sent, so it matches no token and is refused as unknown, not a 500
            return value;
        }
    }
}
