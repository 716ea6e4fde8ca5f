package dev.subsidy.gateway.tracecheck;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.verification.trace-check.*}: which claimed e-commerce parcels the carriers are asked
 * about (docs/verification.md "Trace verification"). Validated at startup.
 *
 * @param enabled false: the endpoint answers 409 and no carrier is asked
 * @param allBelow a period with at most this many e-commerce parcels has every one checked
 * @param share above {@code allBelow}, the share of parcels checked, chosen by their natural key's hash
 * @param collectionTolerance how far the carrier's collection scan may be from the feed's collectedAt
 * @param maxFailuresListed how many carrier errors the reply lists one by one (all are counted)
 */
@Validated
@ConfigurationProperties("gateway.verification.trace-check")
public record TraceCheckProperties(
        @DefaultValue("true") boolean enabled,
        @Min(0) @DefaultValue("500") int allBelow,
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") BigDecimal share,
        @NotNull @DefaultValue("24h") Duration collectionTolerance,
        @Min(0) @DefaultValue("50") int maxFailuresListed) {

    public TraceCheckProperties {
        if (collectionTolerance != null && collectionTolerance.isNegative()) {
            throw new IllegalArgumentException("gateway.verification.trace-check.collection-tolerance must not be negative");
        }
    }
}
