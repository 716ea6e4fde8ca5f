package dev.subsidy.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A bearer token as it arrived, before it is looked up. Where it came from matters: a token in a URL
 * ends up in partners' and proxies' logs, so only a feeder's may travel there.
 */
final class PresentedToken extends AbstractAuthenticationToken {

    enum Source { AUTHORIZATION_HEADER, URL }

    private final String token;
    private final Source source;

    PresentedToken(String token, Source source) {
        super(List.of());
        this.token = token;
        this.source = source;
        setAuthenticated(false);
    }

    String token() {
        return token;
    }

    Source source() {
        return source;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "bearer token from the " + (source == Source.URL ? "URL" : "Authorization header");
    }

    @Override
    public String toString() {
        return "PresentedToken[" + getPrincipal() + "]"; // never the token itself
    }
}
