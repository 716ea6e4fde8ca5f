package dev.subsidy.gateway.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what (docs/api.md "Authentication", README "The public API"): the gateway's whole
 * authorisation in one table, read top to bottom, the first row that matches decides. A request no
 * row matches is refused to everyone, administrator included: a path nobody classified is closed.
 *
 * <p>Paths are matched the way the dispatcher matches its handlers (path patterns on the decoded
 * path without path parameters), so a rule and the handler it guards always see the same path; the
 * firewall has already refused every path that could be read two ways.
 */
final class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    /** Who a row lets in. The administrator is let in wherever any token is, except {@link #NOBODY}. */
    enum Access {
        /** no token needed */
        ANYONE,
        /** the reader and the administrator */
        READER,
        /** the feeder of the connector named by the path's {@code {connector}}, and the administrator */
        FEEDER_OF_PATH_CONNECTOR,
        /** the metrics scraper ({@code gateway.security.metrics-token}) and the administrator */
        METRICS,
        /** the administrator only */
        ADMIN,
        /** no one */
        NOBODY
    }

    /** One row of the table. */
    record Rule(String method, String path, RequestMatcher request, Access access) {}

    private static final HttpMethod ANY_METHOD = null;

    static final Rule FEED_POST = row(HttpMethod.POST, "/api/v1/feeds/{connector}/records", Access.FEEDER_OF_PATH_CONNECTOR);

    private static final List<Rule> RULES = List.of(
            // the container's error page, dispatched for a call already let in; never a request of its own
            new Rule("ERROR dispatch", "(any)", new DispatcherTypeRequestMatcher(DispatcherType.ERROR), Access.ANYONE),
            row(ANY_METHOD,     "/actuator/health",          Access.ANYONE),
            row(ANY_METHOD,     "/actuator/health/**",       Access.ANYONE),
            FEED_POST,
            row(HttpMethod.GET, "/api/v1/figures",           Access.READER),
            row(HttpMethod.GET, "/api/v1/figures/entered",   Access.READER),
            row(HttpMethod.GET, "/api/v1/figures/{subject}/{metric}/{period}/keys", Access.READER),
            row(HttpMethod.GET, "/api/v1/awards",            Access.READER),
            row(ANY_METHOD,     "/api/**",                   Access.ADMIN),
            row(HttpMethod.GET, "/actuator/prometheus",      Access.METRICS),
            row(ANY_METHOD,     "/actuator/**",              Access.ADMIN),
            // the OpenAPI document and Swagger UI (docs/operations.md "OpenAPI")
            row(ANY_METHOD,     "/v3/api-docs",              Access.ADMIN),
            row(ANY_METHOD,     "/v3/api-docs.yaml",         Access.ADMIN),
            row(ANY_METHOD,     "/v3/api-docs/**",           Access.ADMIN),
            row(ANY_METHOD,     "/swagger-ui.html",          Access.ADMIN),
            row(ANY_METHOD,     "/swagger-ui/**",            Access.ADMIN),
            // the console's static pages and the charting library (docs/operations.md "Console"): they hold no
            // data; every datum they show comes from the token-checked /api, called with the person's token
            row(HttpMethod.GET, "/console",                  Access.ANYONE),
            row(HttpMethod.GET, "/console/**",               Access.ANYONE),
            row(HttpMethod.GET, "/webjars/**",               Access.ANYONE),
            // The error page asked for directly: only the container shows it (first row).
            row(ANY_METHOD,     "/error",                    Access.NOBODY));

    private static Rule row(HttpMethod method, String pattern, Access access) {
        return new Rule(method == null ? "(any)" : method.name(), pattern,
                PathPatternRequestMatcher.withDefaults().matcher(method, pattern), access);
    }

    /** The row that decides this request, if any does. */
    Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.request().matches(request)).findFirst();
    }

    /** Whether this request needs no token: a token sent anyway is not looked at. */
    boolean isOpen(HttpServletRequest request) {
        return ruleFor(request).map(rule -> rule.access() == Access.ANYONE).orElse(false);
    }

    /** Spring Security 6's older entry point, still abstract there; the filter calls {@link #authorize}. */
    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return authorize(authentication, context);
    }

    @Override
    public AuthorizationDecision authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        for (Rule rule : RULES) {
            RequestMatcher.MatchResult match = rule.request().matcher(request);
            if (match.isMatch()) {
                Caller caller = authentication.get() instanceof CallerAuthentication known ? known.caller() : null;
                return new AuthorizationDecision(allows(rule.access(), caller, match.getVariables()));
            }
        }
        return new AuthorizationDecision(false);
    }

    private static boolean allows(Access access, Caller caller, Map<String, String> pathVariables) {
        if (access == Access.ANYONE) {
            return true;
        }
        if (caller == null || access == Access.NOBODY) {
            return false;
        }
        if (caller.role() == Role.ADMIN) {
            return true;
        }
        return switch (access) {
            case READER -> caller.role() == Role.READER;
            case FEEDER_OF_PATH_CONNECTOR -> caller.isFeederOf(pathVariables.get("connector"));
            case METRICS -> caller.role() == Role.METRICS;
            default -> false;
        };
    }
}
