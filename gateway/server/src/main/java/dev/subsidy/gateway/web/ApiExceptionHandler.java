package dev.subsidy.gateway.web;

import dev.subsidy.intake.BodyTooLargeException;
import dev.subsidy.intake.UnreadableBodyException;
import dev.subsidy.intake.UnsupportedFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error a controller or Spring MVC raises becomes {@code {"status": n, "error": "reason"}}:
 * the gateway's own exceptions, Spring MVC's (unknown path, method, media types, parameters, by
 * {@link ResponseEntityExceptionHandler}), the database full or out of reach (503 with
 * {@code Retry-After}), and anything else (500 with a reference that is in the log).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final StorageReplies storage;

    ApiExceptionHandler(StorageReplies storage) {
        this.storage = storage;
    }

    @ExceptionHandler(UnreadableBodyException.class)
    ResponseEntity<Object> unreadable(UnreadableBodyException e) {
        return reply(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return reply(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({BodyTooLargeException.class, InflatedBodyTooLargeException.class})
    ResponseEntity<Object> tooLarge(RuntimeException e) {
        return reply(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(UnsupportedFormatException.class)
    ResponseEntity<Object> unsupported(UnsupportedFormatException e) {
        return reply(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(CapacityExceededException.class)
    ResponseEntity<Object> capacity(CapacityExceededException e) {
        log.warn("refused: {}", e.getMessage());
        return reply(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return reply(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The last resort: storage trouble is 503, anything else a fault of the gateway (500, logged with a reference). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e.getClass().getName().startsWith("org.springframework.security.")) {
            // access decisions belong to the security filter chain, which answers 401/403 itself
            throw e;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e) || response.isCommitted()) {
            log.debug("{} {}: client gone or reply already sent: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (e.getCause() instanceof OutOfMemoryError) {
            // thrown in this request's thread (the dispatcher wraps an Error): what it held is garbage again, and a
            // transaction it was in is rolled back; the caller can act on a 503 and its reason, not on a 500
            String reason = String.format(java.util.Locale.ROOT, "the gateway ran out of heap serving this request "
                    + "(-Xmx %,d MiB). A body is stored whole or not at all: send it again in smaller bodies (records "
                    + "stored already count as duplicates), or give the gateway more heap",
                    Runtime.getRuntime().maxMemory() >> 20);
            log.error("{} {}: {}", request.getMethod(), request.getRequestURI(), reason, e.getCause());
            return reply(HttpStatus.SERVICE_UNAVAILABLE, reason);
        }
        return storage.of(e, request.getMethod(), request.getRequestURI())
                .orElseGet(() -> reply(HttpStatus.INTERNAL_SERVER_ERROR,
                        InternalErrors.report(e, request.getMethod(), request.getRequestURI())));
    }

    /** Spring MVC's own exceptions, after {@link ResponseEntityExceptionHandler} chose the status and headers (Allow, Accept). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest webRequest) {
        HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
        HttpServletResponse response = ((ServletWebRequest) webRequest).getResponse();
        if (response != null && response.isCommitted()) {
            return null;
        }
        String reason = status.value() == HttpStatus.SERVICE_UNAVAILABLE.value() || !status.is5xxServerError()
                ? MvcErrorReasons.of(e, request.getMethod(), request.getRequestURI())
                : InternalErrors.report(e, request.getMethod(), request.getRequestURI());
        log.debug("{} {}: {} {}", request.getMethod(), request.getRequestURI(), status.value(), reason);
        return ErrorReplies.entity(status, reason, headers);
    }

    private static ResponseEntity<Object> reply(HttpStatus status, String reason) {
        log.debug("{}: {}", status.value(), reason);
        return ErrorReplies.entity(status, reason);
    }
}
