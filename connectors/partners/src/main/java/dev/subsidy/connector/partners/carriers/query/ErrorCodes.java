package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.connector.api.ConnectorException.Reason;
import java.util.List;
import java.util.Set;

/**
 * A carrier's own error codes, sorted by what the gateway does about them: a refused signature or
 * credential ({@link Reason#UNAUTHORIZED}, not retried), the carrier's rate limit
 * ({@link Reason#RATE_LIMITED}, retried after a backoff), a passing fault ({@link Reason#TRANSIENT});
 * any other code is {@link Reason#FATAL}. Each carrier has defaults; a definition overrides a list
 * with its {@code unauthorized_codes}, {@code rate_limited_codes} or {@code transient_codes} setting,
 * because several carriers' codes are not confirmed (docs/partners.md "Confidence marks": [L] is weak,
 * so it is a setting). Immutable.
 */
public record ErrorCodes(Set<String> unauthorized, Set<String> rateLimited, Set<String> transientCodes) {

    public ErrorCodes {
        unauthorized = Set.copyOf(unauthorized);
        rateLimited = Set.copyOf(rateLimited);
        transientCodes = Set.copyOf(transientCodes);
    }

    /** The reason of a code. */
    public Reason reasonOf(String code) {
        if (unauthorized.contains(code)) {
            return Reason.UNAUTHORIZED;
        }
        if (rateLimited.contains(code)) {
            return Reason.RATE_LIMITED;
        }
        if (transientCodes.contains(code)) {
            return Reason.TRANSIENT;
        }
        return Reason.FATAL;
    }

    /** These codes with each non-empty list replacing the default of its kind. */
    public ErrorCodes overriddenBy(List<String> unauthorizedCodes, List<String> rateLimitedCodes, List<String> transientList) {
        return new ErrorCodes(
                unauthorizedCodes.isEmpty() ? unauthorized : Set.copyOf(unauthorizedCodes),
                rateLimitedCodes.isEmpty() ? rateLimited : Set.copyOf(rateLimitedCodes),
                transientList.isEmpty() ? transientCodes : Set.copyOf(transientList));
    }
}
