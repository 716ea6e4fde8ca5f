package dev.subsidy.gateway.security;

import dev.subsidy.gateway.GatewayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens for every /api call: 401 without a token, 403 with one that is unknown or not
 * allowed here. Tokens are compared in constant time and never logged. A missing admin token in
 * the settings means no call is an admin call.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    static final String QUERY_TOKEN = "access_token";

    private final GatewayProperties.Security settings;
    private final List<FeederTokenSource> feederSources;

    TokenAuthenticationFilter(GatewayProperties.Security settings, List<FeederTokenSource> feederSources) {
        this.settings = settings;
        this.feederSources = List.copyOf(feederSources);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return AccessRule.isOpen(path) || !(path.startsWith("/api/") || path.startsWith("/actuator"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request);
        if (token == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "a bearer token is required");
            return;
        }
        AccessRule.Principal principal = identify(token);
        if (principal != null && principal.role() != Role.FEEDER && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            // only a feeder's token may travel in a URL: an admin's would end up in partners' logs
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "this token must be sent in the Authorization header");
            return;
        }
        if (principal == null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "the token is not valid");
            return;
        }
        if (!AccessRule.allows(principal, request.getMethod(), request.getRequestURI())) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN,
                    "the token does not allow " + request.getMethod() + " " + request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The token of the Authorization header; for a feed post without that header, the
     * {@value #QUERY_TOKEN} query parameter: carriers call back a URL registered with them and cannot
     * add headers, so their feeder token has to be part of that URL.
     */
    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            boolean bearer = header.regionMatches(true, 0, BEARER, 0, BEARER.length()) && header.length() > BEARER.length();
            return bearer ? header.substring(BEARER.length()).strip() : null;
        }
        boolean feedPost = "POST".equals(request.getMethod()) && AccessRule.isFeedPost(request.getRequestURI());
        return feedPost ? queryToken(request.getQueryString()) : null;
    }

    /**
     * Read from the query string itself: {@code getParameter} would parse a form-encoded body (as
     * SF's and J&T's pushes are) and leave nothing for the feed to read.
     */
    private static String queryToken(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(QUERY_TOKEN)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private AccessRule.Principal identify(String token) {
        if (matches(settings.adminToken(), token)) {
            return new AccessRule.Principal(Role.ADMIN, null);
        }
        if (matches(settings.readerToken(), token)) {
            return new AccessRule.Principal(Role.READER, null);
        }
        for (Map.Entry<String, String> feeder : settings.feederTokens().entrySet()) {
            if (matches(feeder.getValue(), token)) {
                return new AccessRule.Principal(Role.FEEDER, feeder.getKey());
            }
        }
        for (FeederTokenSource source : feederSources) {
            Optional<String> connector = source.connectorFor(token);
            if (connector.isPresent()) {
                return new AccessRule.Principal(Role.FEEDER, connector.get());
            }
        }
        return null;
    }

    private static boolean matches(String expected, String presented) {
        if (expected == null || expected.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + reason.replace("\"", "'") + "\"}");
    }
}
