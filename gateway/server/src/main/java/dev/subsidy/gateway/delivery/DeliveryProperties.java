package dev.subsidy.gateway.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.award.*}: where and how figures and award lines are pushed.
 *
 * @param url base URL of the award intake; none means nothing is pushed (batches wait, PENDING)
 * @param secret shared secret for the HMAC signature; never logged, never returned
 * @param batchSize items per batch
 */
@Validated
@ConfigurationProperties("gateway.award")
public record DeliveryProperties(
        URI url,
        String secret,
        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff) {

    @Override
    public String toString() {
        return "DeliveryProperties[url=" + url + ", secret=" + (secret == null ? "(none)" : "****")
                + ", batchSize=" + batchSize + "]";
    }
}
