package dev.subsidy.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request the application never saw (a malformed request line or URI, a
 * header over the size limit): the same JSON shape as every other error, in place of Tomcat's HTML
 * page. It says what class of problem it was and nothing of the server, its version or a trace; Tomcat's
 * own message is not repeated, as it may quote the request line, a token in the query string included.
 * Public with a no-argument constructor: Tomcat's host instantiates its error report valve by class name.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        super();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ErrorReplies.body(status, reason(status)), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was committed meanwhile: nothing left to tell
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: its request line or headers cannot be read, or its path holds a"
                    + " malformed escape, bytes that are not UTF-8, an unencoded character that must be encoded,"
                    + " a '\\' or a '..' above the root";
            case 413 -> "the request is larger than the server accepts";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 505 -> "the HTTP version is not supported";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "error " + status : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            }
        };
    }
}
