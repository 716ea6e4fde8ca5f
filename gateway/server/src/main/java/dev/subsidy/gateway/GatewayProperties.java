package dev.subsidy.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings ({@code gateway.*}), validated at startup so a wrong value stops the
 * gateway with a message instead of surfacing as a wrong figure months later.
 *
 * @param home folder for the embedded database, inbox, plugins and logs
 * @param currencyRates CNY per unit of a foreign currency, for orders paid in it (kept with the order)
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("./data") Path home,
        @Valid @NotNull Jurisdiction jurisdiction,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Feeds feeds,
        Map<String, BigDecimal> currencyRates) {

    public GatewayProperties {
        currencyRates = currencyRates == null ? Map.of() : Map.copyOf(currencyRates);
    }

    /** 辖区: the codes that are "inside". */
    public record Jurisdiction(@NotEmpty String name, @NotEmpty List<String> regions) {}

    /**
     * Bearer tokens. A missing admin token means the admin API refuses every call (the contract's
     * default), never that it is open.
     *
     * @param feederTokens push connector id → the token its feeder presents
     * @param metricsToken token of a metrics scraper: may read {@code /actuator/prometheus} only
     */
    public record Security(String adminToken, String readerToken, Map<String, String> feederTokens, String metricsToken) {
        public Security {
            feederTokens = feederTokens == null ? Map.of() : Map.copyOf(feederTokens);
        }

        @Override
        public String toString() {
            // secrets never reach logs, even through a debug print of the settings
            return "Security[adminToken=" + mask(adminToken) + ", readerToken=" + mask(readerToken)
                    + ", feeders=" + feederTokens.keySet() + ", metricsToken=" + mask(metricsToken) + "]";
        }

        private static String mask(String token) {
            return token == null || token.isBlank() ? "(none)" : "****";
        }
    }

    /**
     * @param maxBodyBytes a feed body over this is refused with 413 before it is parsed
     * @param batchSize records written per database transaction chunk
     * @param warmUpRecords made-up records the intake reads and checks as the gateway starts, before it is ready, so
     *     that its first feeds are not read by code the JVM has not compiled yet; none stored; 0 for none
     * @param warmUpLimit how long the warm-up may go on after those records while the JVM's compilers are still busy
     *     with the intake's code; 0 to stop after the records
     */
    public record Feeds(
            @Min(1024) @DefaultValue("67108864") long maxBodyBytes,
            @Min(1) @DefaultValue("5000") int batchSize,
            @Min(0) @Max(1_000_000) @DefaultValue("60000") int warmUpRecords,
            @NotNull @DefaultValue("30s") Duration warmUpLimit) {

        /** The longest {@code warm-up-limit}: a start that waits longer is a start an operator thinks hung. */
        static final Duration MOST_WARM_UP = Duration.ofMinutes(5);

        public Feeds {
            if (warmUpLimit != null && (warmUpLimit.isNegative() || warmUpLimit.compareTo(MOST_WARM_UP) > 0)) {
                throw new IllegalArgumentException("gateway.feeds.warm-up-limit: must be from 0s to "
                        + MOST_WARM_UP.toMinutes() + "m, got " + warmUpLimit);
            }
        }
    }
}
