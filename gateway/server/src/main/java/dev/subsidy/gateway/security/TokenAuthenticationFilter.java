package dev.subsidy.gateway.security;

import dev.subsidy.gateway.GatewayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "a bearer token is required");
            return;
        }
        AccessRule.Principal principal = identify(header.substring(BEARER.length()).strip());
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
