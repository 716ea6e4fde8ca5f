package dev.subsidy.gateway.support;

/** Test-only tokens; the integration tests configure the gateway with them. */
public final class Tokens {
    public static final String ADMIN = "test-admin-token";
    public static final String READER = "test-reader-token";
    public static final String FEEDER = "test-feeder-token";
    public static final String AWARD_SECRET = "test-award-secret";

    private Tokens() {}
}
