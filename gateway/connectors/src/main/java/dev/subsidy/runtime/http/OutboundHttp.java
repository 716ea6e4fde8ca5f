package dev.subsidy.runtime.http;

import dev.subsidy.connector.http.OutboundClients;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The one HTTP client (HttpClient 5, pooled) behind every connector's {@link GuardedHttpTransport}:
 * allow-listed hosts only (by URL and again at DNS resolution), no redirects (a redirect could lead
 * anywhere), no automatic retries (the runtime retries whole polls with backoff), no cookies.
 * Thread-safe; closed on shutdown.
 */
public final class OutboundHttp implements AutoCloseable {

    private final HostAllowList hosts;
    private final CloseableHttpClient client;
    private final Limits settings;

    /** The timeouts and reply size every connector's calls keep ({@code gateway.connectors.*}). */
    public record Limits(Duration connectTimeout, Duration responseTimeout, int maxReplyBytes) {}

    public OutboundHttp(HostAllowList hosts, Limits settings) {
        this.hosts = hosts;
        this.settings = settings;
        this.client = OutboundClients.build(OutboundClients.Settings.gateway(
                settings.connectTimeout(), settings.responseTimeout(), 50, 5), new AllowListDnsResolver(hosts));
    }

    /**
     * A transport for one connector instance, with its own rate limit.
     *
     * @param callsPerSecond null for no limit
     */
    public GuardedHttpTransport transport(String connectorId, Double callsPerSecond) {
        return new GuardedHttpTransport(client, hosts, limiter(connectorId, callsPerSecond), settings.maxReplyBytes());
    }

    private RateLimiter limiter(String connectorId, Double callsPerSecond) {
        if (callsPerSecond == null) {
            return null;
        }
        // below one call a second: one permit per 1/rate seconds; above: rate permits per second
        int permits = callsPerSecond >= 1 ? (int) Math.round(callsPerSecond) : 1;
        Duration period = callsPerSecond >= 1 ? Duration.ofSeconds(1) : Duration.ofMillis(Math.round(1000 / callsPerSecond));
        return RateLimiter.of("connector-" + connectorId, RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(settings.responseTimeout())
                .build());
    }

    public HostAllowList hosts() {
        return hosts;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
