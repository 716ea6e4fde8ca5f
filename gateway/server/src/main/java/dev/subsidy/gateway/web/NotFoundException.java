package dev.subsidy.gateway.web;

/** The thing asked for does not exist: 404 with what was looked for. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
