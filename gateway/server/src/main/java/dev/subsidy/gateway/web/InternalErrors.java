package dev.subsidy.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault of the gateway itself (a bug, an unexpected state): the client gets a reference and no
 * detail, the log gets the reference with the stack trace, so an administrator can find one from
 * the other. Exception names, messages and traces never go out: they can carry SQL, file paths or
 * other tenants' data.
 */
final class InternalErrors {

    private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private InternalErrors() {}

    /** Logs {@code failure} under a new reference and returns the reason to send: "internal error, reference …". */
    static String report(Throwable failure, String method, String path) {
        String reference = newReference();
        log.error("internal error, reference {}: {} {}", reference, method, path, failure);
        return reason(reference);
    }

    /** As {@link #report}, for an error status that arrived without an exception (set by a container or a library). */
    static String report(int status, String method, String path, String detail) {
        String reference = newReference();
        log.error("internal error, reference {}: {} {} answered {} ({})", reference, method, path, status,
                detail == null || detail.isBlank() ? "no detail" : detail);
        return reason(reference);
    }

    private static String reason(String reference) {
        return "internal error, reference " + reference;
    }

    private static String newReference() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
