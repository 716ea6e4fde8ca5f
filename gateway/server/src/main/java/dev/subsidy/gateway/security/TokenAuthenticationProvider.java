package dev.subsidy.gateway.security;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.runtime.push.FeederTokenSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Looks a presented token up: the administrator's, the reader's and the metrics scraper's ({@code gateway.security.*-token}),
 * the feeders' of {@code gateway.security.feeder-tokens}, then the push connectors' own
 * ({@link FeederTokenSource}), asked on every request because a connector added at runtime brings its
 * token with it. A blank setting is no token: without an admin token no call is an admin call.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

    private final List<KnownToken> configured;
    private final ObjectProvider<FeederTokenSource> feederSources;

    TokenAuthenticationProvider(GatewayProperties.Security settings, ObjectProvider<FeederTokenSource> feederSources) {
        List<KnownToken> known = new ArrayList<>();
        add(known, settings.adminToken(), Caller.ADMIN);
        add(known, settings.readerToken(), Caller.READER);
        add(known, settings.metricsToken(), Caller.METRICS);
        for (Map.Entry<String, String> feeder : settings.feederTokens().entrySet()) {
            add(known, feeder.getValue(), Caller.feederOf(feeder.getKey()));
        }
        this.configured = List.copyOf(known);
        this.feederSources = feederSources;
    }

    /** A configured token, kept as its SHA-256 so every comparison takes the same time whatever the lengths. */
    private record KnownToken(byte[] digest, Caller caller) {}

    private static void add(List<KnownToken> known, String token, Caller caller) {
        if (token != null && !token.isBlank()) {
            known.add(new KnownToken(sha256(token), caller));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PresentedToken presented = (PresentedToken) authentication;
        Caller caller = identify(presented.token())
                .orElseThrow(() -> new BadCredentialsException("the token is not valid"));
        if (presented.source() == PresentedToken.Source.URL && caller.role() != Role.FEEDER) {
            // an administrator's or reader's token in a URL would end up in partners' and proxies' logs
            throw new BadCredentialsException("this token must be sent in the Authorization header");
        }
        return new CallerAuthentication(caller);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedToken.class.isAssignableFrom(authentication);
    }

    private Optional<Caller> identify(String token) {
        byte[] digest = sha256(token);
        Caller found = null;
        for (KnownToken known : configured) {
            // every configured token is compared: the time taken says nothing about which one matched
            if (MessageDigest.isEqual(known.digest(), digest) && found == null) {
                found = known.caller();
            }
        }
        if (found != null) {
            return Optional.of(found);
        }
        return feederSources.orderedStream()
                .map(source -> source.connectorFor(token))
                .flatMap(Optional::stream)
                .findFirst()
                .map(Caller::feederOf);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
