package dev.subsidy.gateway.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.health.*}, checked at startup.
 *
 * @param deliveryBacklogAge a PENDING batch queued longer ago than this makes the {@code delivery}
 *     health component DOWN (docs/operations.md "Health")
 */
@Validated
@ConfigurationProperties("gateway.health")
public record HealthProperties(@NotNull @DefaultValue("1h") Duration deliveryBacklogAge) {

    /**
     * A component that works but needs a person (a connector FAILING, pushing paused, an old backlog). It
     * ranks below UP (application.yml {@code management.endpoint.health.status.order}) and answers 200, so
     * the gateway as a whole stays UP while its database answers — the contract's meaning of
     * {@code /actuator/health} — and the administrator's view names what is wrong.
     */
    public static final org.springframework.boot.actuate.health.Status DEGRADED =
            new org.springframework.boot.actuate.health.Status("DEGRADED");

    public HealthProperties {
        if (deliveryBacklogAge != null && (deliveryBacklogAge.isNegative() || deliveryBacklogAge.isZero())) {
            throw new IllegalArgumentException("gateway.health.delivery-backlog-age must be positive, was "
                    + deliveryBacklogAge);
        }
    }
}
