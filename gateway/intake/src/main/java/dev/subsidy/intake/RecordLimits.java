package dev.subsidy.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.feeds.*}: the bounds every standard record must keep, however it arrives (a feed
 * body, a push, a pull, a file). Checked at startup, so that a record the parser accepts always fits
 * its columns.
 *
 * @param maxAmount the most an order may be, in CNY with at most two decimals (after conversion for
 *     another currency); at most 90,000,000,000,000,000 so that fen always fit a BIGINT
 * @param earliestTime no event time nor {@code updatedAt} before this
 * @param maxClockSkew no event time nor {@code updatedAt} later than the gateway's clock plus this:
 *     a feeder's clock may run a little ahead, a record from the future may not pin a version
 * @param maxIdLength the longest identifier (waybill, order, shop, site, buyer hash part), in
 *     characters after normalisation; at most 100, the narrowest identifier column
 */
@Validated
@ConfigurationProperties("gateway.feeds")
public record RecordLimits(
        @NotNull @DefaultValue("1000000000.00") BigDecimal maxAmount,
        @NotNull @DefaultValue("2000-01-01T00:00:00+08:00") OffsetDateTime earliestTime,
        @NotNull @DefaultValue("15m") Duration maxClockSkew,
        @Min(8) @Max(100) @DefaultValue("64") int maxIdLength) {

    /** Fen in a signed 64-bit column, with room to add a refund or two. */
    public static final BigDecimal HIGHEST_MAX_AMOUNT = new BigDecimal("90000000000000000");
    static final Duration HIGHEST_CLOCK_SKEW = Duration.ofDays(1);

    public RecordLimits {
        if (maxAmount != null) {
            if (maxAmount.signum() <= 0 || maxAmount.compareTo(HIGHEST_MAX_AMOUNT) > 0) {
                throw new IllegalArgumentException("gateway.feeds.max-amount must be above 0 and at most "
                        + HIGHEST_MAX_AMOUNT.toPlainString() + ", got " + maxAmount.toPlainString());
            }
            if (maxAmount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("gateway.feeds.max-amount is yuan with at most two decimals, got "
                        + maxAmount.toPlainString());
            }
            maxAmount = maxAmount.setScale(2);
        }
        if (maxClockSkew != null && (maxClockSkew.isNegative() || maxClockSkew.compareTo(HIGHEST_CLOCK_SKEW) > 0)) {
            throw new IllegalArgumentException("gateway.feeds.max-clock-skew must be between 0 and 1d, got "
                    + maxClockSkew);
        }
        if (earliestTime != null && earliestTime.getYear() < 1970) {
            throw new IllegalArgumentException("gateway.feeds.earliest-time must be in 1970 or later, got " + earliestTime);
        }
    }

    /** The defaults, as an unconfigured gateway has them. */
    public static RecordLimits defaults() {
        return new RecordLimits(new BigDecimal("1000000000.00"), OffsetDateTime.parse("2000-01-01T00:00:00+08:00"),
                Duration.ofMinutes(15), 64);
    }

    Instant earliest() {
        return earliestTime.toInstant();
    }
}
