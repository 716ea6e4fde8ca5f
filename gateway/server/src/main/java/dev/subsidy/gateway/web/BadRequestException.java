package dev.subsidy.gateway.web;

/** A request whose parameters are wrong: 400 with the reason. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
