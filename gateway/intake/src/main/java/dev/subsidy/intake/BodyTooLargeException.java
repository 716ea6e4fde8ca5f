package dev.subsidy.intake;

/** The body is over {@code gateway.feeds.max-body-bytes}: 413, nothing stored. */
public class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(long limit) {
        super("body is larger than the limit of " + limit + " bytes (gateway.feeds.max-body-bytes); "
                + "split it into several posts");
    }
}
