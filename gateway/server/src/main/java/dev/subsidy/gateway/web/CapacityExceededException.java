package dev.subsidy.gateway.web;

/** A request the gateway cannot serve as it is configured (heap, limits): 503 with what it would need. */
public class CapacityExceededException extends RuntimeException {

    public CapacityExceededException(String message) {
        super(message);
    }
}
