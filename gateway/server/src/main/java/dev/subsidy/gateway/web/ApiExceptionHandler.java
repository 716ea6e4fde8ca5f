package dev.subsidy.gateway.web;

import dev.subsidy.gateway.intake.BodyTooLargeException;
import dev.subsidy.gateway.intake.UnreadableBodyException;
import dev.subsidy.gateway.intake.UnsupportedFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the gateway's own exceptions to replies with a reason; one place for every controller. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(UnreadableBodyException.class)
    ResponseEntity<ApiError> unreadable(UnreadableBodyException e) {
        return reply(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return reply(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(BodyTooLargeException e) {
        return reply(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(UnsupportedFormatException.class)
    ResponseEntity<ApiError> unsupported(UnsupportedFormatException e) {
        return reply(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return reply(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<ApiError> reply(HttpStatus status, String reason) {
        log.debug("{}: {}", status.value(), reason);
        return ResponseEntity.status(status).body(new ApiError(status.value(), reason));
    }
}
