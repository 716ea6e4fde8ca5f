package dev.subsidy.intake;

/** The body as a whole cannot be read (wrong encoding, broken JSON array, no CSV header): 400. */
public class UnreadableBodyException extends RuntimeException {
    public UnreadableBodyException(String message) {
        super(message);
    }

    public UnreadableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
