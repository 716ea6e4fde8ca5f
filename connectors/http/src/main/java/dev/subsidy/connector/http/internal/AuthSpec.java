package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import dev.subsidy.connector.api.ConnectorConfig;
import java.util.Map;
import java.util.Optional;

/**
 * How requests are authenticated. Holds setting values only, never a secret: secrets are read from
 * the context at the moment of use. Immutable.
 */
sealed interface AuthSpec {

    /** No authentication. */
    record None() implements AuthSpec {
    }

    /** {@code Authorization: Basic}, password from {@code auth_password}. */
    record Basic(String username) implements AuthSpec {
    }

    /** {@code Authorization: Bearer}, token from {@code auth_token}. */
    record Bearer() implements AuthSpec {
    }

    /** {@code auth_token} in a header or query parameter. */
    record ApiKey(String name, boolean inQuery) implements AuthSpec {
    }

    /**
     * A named request signer over the whole request, secret from {@code signer_secret}.
     *
     * @param signer the signer's name
     * @param tokenParam parameter carrying {@code auth_token} (signed with the rest), if any
     * @param timestampParam parameter set to the request time before signing, if any
     * @param timestampFormat how that time is written
     * @param attributes values signed but not sent
     */
    record Signed(String signer, Optional<String> tokenParam, Optional<String> timestampParam,
                  TimeFormat timestampFormat, Map<String, String> attributes) implements AuthSpec {
    }

    static AuthSpec from(ConnectorConfig c) {
        return switch (c.getString(AUTH)) {
            case "basic" -> new Basic(c.getString(AUTH_USERNAME));
            case "bearer" -> new Bearer();
            case "api_key" -> new ApiKey(c.getString(AUTH_TOKEN_NAME), c.getString(AUTH_TOKEN_IN).equals("query"));
            case "signer" -> new Signed(c.getString(SIGNER),
                    c.secret(AUTH_TOKEN).isPresent() ? c.find(AUTH_TOKEN_NAME) : Optional.empty(),
                    c.find(SIGNER_TIMESTAMP_PARAM), TimeFormat.of(c.getString(SIGNER_TIMESTAMP_FORMAT)),
                    NameValues.parse(c.getList(SIGNER_ATTRIBUTES)));
            default -> new None();
        };
    }
}
