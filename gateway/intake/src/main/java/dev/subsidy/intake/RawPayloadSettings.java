package dev.subsidy.intake;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.intake.*}: how long the raw payloads of accepted records are kept (docs/records.md
 * "Provenance"). The SHA-256 of each stays on its version forever; only the text goes.
 *
 * @param rawRetention how long a raw payload is kept after it first arrived. There is no "forever":
 *     0 reads too easily as "keep nothing" or as a slip, so an administrator who wants years writes years
 * @param rawSweepInterval how often the retention route looks for raw payloads past their time
 */
@Validated
@ConfigurationProperties("gateway.intake")
public record RawPayloadSettings(
        @NotNull @DefaultValue("90d") Duration rawRetention,
        @NotNull @DefaultValue("1h") Duration rawSweepInterval) {

    static final Duration SHORTEST_RETENTION = Duration.ofHours(1);
    static final Duration SHORTEST_SWEEP = Duration.ofMillis(100);
    static final Duration LONGEST_SWEEP = Duration.ofDays(1);

    public RawPayloadSettings {
        if (rawRetention != null && rawRetention.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException("gateway.intake.raw-retention must be at least 1h, got " + rawRetention
                    + (rawRetention.isZero() ? "; 0 does not mean \"keep forever\": to keep raw payloads for years, "
                    + "use a long duration (3650d)" : ""));
        }
        if (rawSweepInterval != null && (rawSweepInterval.compareTo(SHORTEST_SWEEP) < 0
                || rawSweepInterval.compareTo(LONGEST_SWEEP) > 0)) {
            throw new IllegalArgumentException("gateway.intake.raw-sweep-interval must be between 100ms and 1d, got "
                    + rawSweepInterval);
        }
    }

    /** The defaults, as an unconfigured gateway has them. */
    public static RawPayloadSettings defaults() {
        return new RawPayloadSettings(Duration.ofDays(90), Duration.ofHours(1));
    }
}
