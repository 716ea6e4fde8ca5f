package dev.subsidy.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.web.ApiError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error replies (a request it refused before any servlet, an error no error page
 * rendered) as {@code {"status": n, "error": "reason"}} instead of an HTML page. Tomcat's message is not
 * repeated: it may quote the request line, query string and token included. Public with a no-argument
 * constructor: Tomcat's host instantiates its error report valve by class name.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(new ApiError(status, reason(status))));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the reply is already under way: nothing more to say
        }
    }

    private static String reason(int status) {
        if (status == 400) {
            return "the server refused the request before reading it: the request line is not valid HTTP, or the path"
                    + " holds a malformed escape, bytes that are not UTF-8, an unencoded character that must be"
                    + " encoded, a '\\' or a '..' above the root";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "the server could not answer the request" : known.getReasonPhrase();
    }
}
