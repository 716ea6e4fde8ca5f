package dev.subsidy.gateway.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.storage.*}: what a client is told when the database is full or out of reach.
 *
 * @param retryAfter the {@code Retry-After} of a 503 for storage full or unavailable: long enough
 *     for an administrator to react or a connection to come back, short enough that feeders do not
 *     pile up a backlog
 */
@Validated
@ConfigurationProperties("gateway.storage")
public record StorageRetryProperties(@NotNull @DefaultValue("30s") Duration retryAfter) {

    /** Retry-After counts whole seconds (RFC 9110); a zero or negative delay would invite a retry storm. */
    @AssertTrue(message = "must be at least 1s")
    public boolean isRetryAfterPositive() {
        return retryAfter == null || retryAfter.toSeconds() >= 1;
    }
}
