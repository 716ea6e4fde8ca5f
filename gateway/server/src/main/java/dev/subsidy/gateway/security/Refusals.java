package dev.subsidy.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * The replies of a call refused before any handler, in the shape of every other error:
 * {@code {"status": n, "error": "reason"}}. Written here, never through {@code sendError}: that would
 * dispatch to the error page, a handler, for a call that was refused. Reasons name no token.
 */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final ObjectMapper json;

    Refusals(ObjectMapper json) {
        this.json = json;
    }

    /** No token where one is needed: 401, with the scheme to use. */
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        boolean urlToken = BearerTokenConverter.queryToken(request.getQueryString()) != null;
        write(response, HttpServletResponse.SC_UNAUTHORIZED, urlToken
                ? "a bearer token is required in the Authorization header (a token in the URL is read on feed posts only)"
                : "a bearer token is required (Authorization: Bearer <token>)");
    }

    /** A token that is unknown, or may not travel the way it came. */
    void invalidToken(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, e.getMessage());
    }

    /** A known token that the rules do not let in here. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN,
                "the token does not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    /** A request the firewall refused: a path that could be read two ways, a method or a header it does not take. */
    void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String reason = reason(e);
        log.debug("refused by the firewall: {}", reason);
        if (response.isCommitted()) {
            return; // refused while a reply was already under way (a header read late): nothing more can be said
        }
        write(response, HttpServletResponse.SC_BAD_REQUEST, reason);
    }

    static String reason(RequestRejectedException e) {
        if (e instanceof NonCanonicalPathException) {
            return e.getMessage();
        }
        String message = String.valueOf(e.getMessage());
        // Spring's firewall quotes a refused header's or parameter's value, which may hold a token: never repeat it
        int value = message.indexOf(" has a value ");
        if (value >= 0) {
            message = message.substring(0, value) + " has a value that is not allowed";
        }
        return "the request was refused by the firewall: " + message;
    }

    private void write(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), new ApiError(status, reason));
    }
}
