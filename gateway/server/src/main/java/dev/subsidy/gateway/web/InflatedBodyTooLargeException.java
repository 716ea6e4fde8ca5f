package dev.subsidy.gateway.web;

/** A compressed body inflates past {@code gateway.feeds.max-body-bytes}: 413, nothing stored. */
class InflatedBodyTooLargeException extends RuntimeException {
    InflatedBodyTooLargeException(String coding, long limit) {
        super("body inflates (Content-Encoding " + coding + ") to more than the limit of " + limit
                + " bytes (gateway.feeds.max-body-bytes); split it into several posts");
    }
}
