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

    public HealthProperties {
        if (deliveryBacklogAge != null && (deliveryBacklogAge.isNegative() || deliveryBacklogAge.isZero())) {
            throw new IllegalArgumentException("gateway.health.delivery-backlog-age must be positive, was "
                    + deliveryBacklogAge);
        }
    }
}
