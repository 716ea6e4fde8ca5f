package dev.subsidy.gateway.countreports;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far a reported total may exceed the verified value before it is flagged (docs/figures.md
 * "Reported totals"), checked at startup.
 *
 * @param countReportTolerance a share of the verified value, 0 to 1: 0.02 lets a report exceed the
 *     evidence by 2 % (a parcel signed on the 1st, an order paid at midnight) without a flag
 */
@Validated
@ConfigurationProperties("gateway.verification")
public record CountReportProperties(
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.02") BigDecimal countReportTolerance) {}
