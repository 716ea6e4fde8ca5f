package dev.subsidy.intake;

/** The Content-Type names no format a feed may use: 415. */
public class UnsupportedFormatException extends RuntimeException {
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
