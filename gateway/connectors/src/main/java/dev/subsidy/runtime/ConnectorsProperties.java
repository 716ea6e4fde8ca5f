package dev.subsidy.runtime;

import dev.subsidy.runtime.http.OutboundHttp;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.connectors.*}: where definitions are read from, which hosts connectors may call,
 * and how the pull runtime paces itself. Every default is written here, nowhere else.
 *
 * @param dir folder of connector definitions ({@code *.yml}, {@code *.yaml}, {@code *.json}) read at
 *     startup; a missing folder means none
 * @param allowedHosts the only hosts a connector may call: exact names ({@code api.zto.com}) or
 *     suffixes starting with a dot ({@code .sf-express.com}: the domain and its sub-domains).
 *     Loopback and other internal addresses are reachable only through an exact entry. Empty: no
 *     outbound call at all
 * @param tick how often each pull connector's timer checks whether it is due (run now, end of a
 *     backoff); its schedule is counted in ticks
 * @param defaultSchedule poll interval of a pull definition that names none
 * @param initialBackoff first delay after a failed run; doubles (with jitter) per further failure
 * @param maxBackoff the delay stops growing here
 * @param maxBatchesPerRun most batches one run drains while the connector says there is more, so
 *     that a large backlog is committed in steps and pause or replace takes effect between them
 * @param connectTimeout outbound connect timeout
 * @param responseTimeout outbound response (socket) timeout
 * @param maxReplyBytes an outbound reply larger than this fails the call
 */
@Validated
@ConfigurationProperties("gateway.connectors")
public record ConnectorsProperties(
        @NotNull @DefaultValue("config/connectors") Path dir,
        @DefaultValue List<String> allowedHosts,
        @NotNull @DefaultValue("1s") Duration tick,
        @NotNull @DefaultValue("5m") Duration defaultSchedule,
        @NotNull @DefaultValue("5s") Duration initialBackoff,
        @NotNull @DefaultValue("15m") Duration maxBackoff,
        @Min(1) @Max(10_000) @DefaultValue("50") int maxBatchesPerRun,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("60s") Duration responseTimeout,
        @Min(1024) @DefaultValue("33554432") int maxReplyBytes) {

    public ConnectorsProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** What the outbound HTTP client of every connector keeps to. */
    public OutboundHttp.Limits outboundLimits() {
        return new OutboundHttp.Limits(connectTimeout, responseTimeout, maxReplyBytes);
    }
}
