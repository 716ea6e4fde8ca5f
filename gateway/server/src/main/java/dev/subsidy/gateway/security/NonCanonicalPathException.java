package dev.subsidy.gateway.security;

import org.springframework.security.web.firewall.RequestRejectedException;

/** A request path that could be read two ways, refused before anything reads it (see {@link CanonicalPath}). */
final class NonCanonicalPathException extends RequestRejectedException {

    NonCanonicalPathException(String reason) {
        super(reason);
    }
}
