package dev.subsidy.gateway.security;

import java.util.Locale;
import java.util.Objects;

/**
 * Who presented a known token: the administrator, the reader, or the feeder of one push connector.
 *
 * @param connectorId the push connector a feeder may post to; null for the other roles
 */
record Caller(Role role, String connectorId) {

    static final Caller ADMIN = new Caller(Role.ADMIN, null);
    static final Caller READER = new Caller(Role.READER, null);
    static final Caller METRICS = new Caller(Role.METRICS, null);

    Caller {
        Objects.requireNonNull(role, "role");
        if ((role == Role.FEEDER) != (connectorId != null)) {
            throw new IllegalArgumentException("a feeder, and only a feeder, belongs to a connector");
        }
    }

    static Caller feederOf(String connectorId) {
        return new Caller(Role.FEEDER, connectorId);
    }

    boolean isFeederOf(String connector) {
        return role == Role.FEEDER && connectorId.equals(connector);
    }

    @Override
    public String toString() {
        return role == Role.FEEDER ? "feeder of " + connectorId : role.name().toLowerCase(Locale.ROOT);
    }
}
