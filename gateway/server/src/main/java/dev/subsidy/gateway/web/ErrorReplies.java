package dev.subsidy.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way an error reply is made, inside Spring MVC or outside it (filters, the error page):
 * {@code {"status": n, "error": "reason"}} as {@code application/json}. The content type is set
 * explicitly so the body is written even when the request's Accept header asked for something else
 * (a 406 must still explain itself).
 */
final class ErrorReplies {

    // a plain mapper: the reply is two fields, and must not depend on the application's Jackson settings
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorReplies() {}

    static ResponseEntity<Object> entity(HttpStatusCode status, String reason, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        if (headers != null) {
            all.putAll(headers);
        }
        all.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(new ApiError(status.value(), reason), all, status);
    }

    static ResponseEntity<Object> entity(HttpStatusCode status, String reason) {
        return entity(status, reason, null);
    }

    /** Writes the reply straight to the servlet response, for code that runs before or outside the dispatcher. */
    static void write(HttpServletResponse response, int status, String reason, HttpHeaders headers) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (headers != null) {
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] body = body(status, reason);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The reply's bytes, UTF-8 JSON. */
    static byte[] body(int status, String reason) {
        try {
            return JSON.writeValueAsBytes(new ApiError(status, reason));
        } catch (IOException e) {
            // two plain fields cannot fail to serialise; keep the reply well-formed regardless
            return ("{\"status\":" + status + ",\"error\":\"error\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
