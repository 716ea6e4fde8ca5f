package dev.subsidy.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On an open path (health), a token in the Authorization header is looked up so that the
 * administrator sees the health components' details; an unknown or missing token is not refused,
 * the call simply stays anonymous and gets UP or DOWN only (docs/api.md, docs/operations.md "Health").
 */
final class OptionalBearerFilter extends OncePerRequestFilter {

    private final AccessRules rules;
    private final BearerTokenConverter converter;
    private final TokenAuthenticationProvider tokens;

    OptionalBearerFilter(AccessRules rules, BearerTokenConverter converter, TokenAuthenticationProvider tokens) {
        this.rules = rules;
        this.converter = converter;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !rules.isOpen(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PresentedToken presented = converter.convert(request);
        if (presented != null && presented.source() == PresentedToken.Source.AUTHORIZATION_HEADER) {
            try {
                SecurityContextHolder.getContext().setAuthentication(tokens.authenticate(presented));
            } catch (AuthenticationException unknown) {
                // anonymous, as without a token: an open path refuses no one
            }
        }
        chain.doFilter(request, response);
    }
}
