package dev.subsidy.gateway.verification;

import dev.subsidy.verification.TrustLevel;
import dev.subsidy.verification.fraud.Thresholds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.verification.*}: the fraud rules' thresholds and how far each source is trusted
 * (docs/verification.md). Validated at startup: a threshold that cannot work stops the gateway.
 *
 * @param sourceTrust connector id → trust level, over the default of its connector type
 * @param defaultTrust the trust of a connector neither listed nor of a type with a default (the
 *     built-in {@code standard} feed included)
 * @param countReportTolerance how far (a share of the verified value, 0 to 1) a reported total may
 *     exceed the evidence before it is flagged (docs/figures.md "Reported totals"): 0.02 lets a parcel
 *     signed on the 1st or an order paid at midnight pass without a flag
 */
@Validated
@ConfigurationProperties("gateway.verification")
public record VerificationProperties(
        @Valid @NotNull @DefaultValue RuleSettings rules,
        Map<String, TrustLevel> sourceTrust,
        @NotNull @DefaultValue("EXPORT") TrustLevel defaultTrust,
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.02") BigDecimal countReportTolerance) {

    public VerificationProperties {
        sourceTrust = sourceTrust == null ? Map.of() : Map.copyOf(sourceTrust);
    }

    /** The thresholds, each defaulting to {@link Thresholds#defaults()}. */
    public record RuleSettings(
            @NotNull @DefaultValue("1h") Duration buyerWindow,
            @Min(2) @DefaultValue("3") int maxOrdersPerBuyer,
            @NotNull @DefaultValue("24h") Duration buyerDayWindow,
            @Min(2) @DefaultValue("5") int maxOrdersPerBuyerDay,
            @NotNull @DefaultValue("1h") Duration burstWindow,
            @Min(2) @DefaultValue("5") int burstMinOrders,
            @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.02") BigDecimal burstAmountSpread,
            @Min(0) @DefaultValue("50") int tinyParcelGrams,
            @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.8") BigDecimal burstTinyShare,
            @Min(0) @DefaultValue("2") int maxScansWithoutTransit,
            @NotNull @DefaultValue("60m") Duration minTransitSamePrefecture,
            @NotNull @DefaultValue("3h") Duration minTransitSameProvince,
            @NotNull @DefaultValue("8h") Duration minTransitElsewhere,
            @NotNull @DefaultValue("10m") Duration paymentTolerance,
            @NotNull @DefaultValue("2h") Duration codDeliveryTolerance,
            @NotNull @DefaultValue("3d") Duration reuseCollectionGap,
            @NotNull @DefaultValue("2d") Duration sameParcelWindow,
            @Min(1) @DefaultValue("7") int spikeWatchDays,
            @Min(7) @DefaultValue("60") int spikeBaselineDays,
            @Min(2) @DefaultValue("5") int spikeFactor,
            @Min(2) @DefaultValue("30") int spikeMinOrders,
            @Min(1) @DefaultValue("20") int shapeMinSample,
            @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.9") BigDecimal shapeMinFitShare,
            @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") BigDecimal crossBorderMinProvenShare) {

        /** As the rules take them; throws with the offending name when a value cannot work. */
        public Thresholds thresholds() {
            return new Thresholds(buyerWindow, maxOrdersPerBuyer, buyerDayWindow, maxOrdersPerBuyerDay, burstWindow, burstMinOrders, burstAmountSpread,
                    tinyParcelGrams, burstTinyShare, maxScansWithoutTransit, minTransitSamePrefecture,
                    minTransitSameProvince, minTransitElsewhere, paymentTolerance, codDeliveryTolerance,
                    reuseCollectionGap, sameParcelWindow, spikeWatchDays, spikeBaselineDays, spikeFactor, spikeMinOrders,
                    shapeMinSample, shapeMinFitShare, crossBorderMinProvenShare);
        }
    }
}
