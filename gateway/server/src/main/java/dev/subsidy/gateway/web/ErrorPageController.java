package dev.subsidy.gateway.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's: errors that never reached
 * a controller (an exception in a filter, {@code sendError} from a filter or from Tomcat) answer in
 * the same shape as the rest of the API, and never with a trace or an exception's name.
 */
@RestController
class ErrorPageController implements ErrorController {

    private final StorageReplies storage;

    ErrorPageController(StorageReplies storage) {
        this.storage = storage;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String method = request.getMethod();
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer status)) {
            // called directly, not as the error page
            return ErrorReplies.entity(HttpStatus.NOT_FOUND, "no such path: " + method + " " + request.getRequestURI());
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus replied = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return storage.of(failure, method, path).orElseGet(() -> ErrorReplies.entity(HttpStatus.INTERNAL_SERVER_ERROR,
                    InternalErrors.report(failure, method, path)));
        }
        String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (replied.is5xxServerError() && replied != HttpStatus.SERVICE_UNAVAILABLE) {
            return ErrorReplies.entity(replied, InternalErrors.report(status, method, path, message));
        }
        return ErrorReplies.entity(replied, message == null || message.isBlank() ? describe(replied, path) : message);
    }

    private static String describe(HttpStatus status, String path) {
        return switch (status) {
            case NOT_FOUND -> "no such path: " + path;
            case UNAUTHORIZED -> "a bearer token is required";
            case FORBIDDEN -> "not allowed";
            case SERVICE_UNAVAILABLE -> "the gateway is not taking requests now; retry later";
            default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
    }
}
