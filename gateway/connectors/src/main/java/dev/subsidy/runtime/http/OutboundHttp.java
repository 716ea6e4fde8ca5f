package dev.subsidy.runtime.http;

import dev.subsidy.runtime.ConnectorsProperties;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client (HttpClient 5, pooled) behind every connector's {@link GuardedHttpTransport}:
 * allow-listed hosts only (by URL and again at DNS resolution), no redirects (a redirect could lead
 * anywhere), no automatic retries (the runtime retries whole polls with backoff), no cookies.
 * Thread-safe; closed on shutdown.
 */
public final class OutboundHttp implements AutoCloseable {

    private final HostAllowList hosts;
    private final CloseableHttpClient client;
    private final ConnectorsProperties settings;

    public OutboundHttp(HostAllowList hosts, ConnectorsProperties settings) {
        this.hosts = hosts;
        this.settings = settings;
        Timeout response = Timeout.of(settings.responseTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AllowListDnsResolver(hosts))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(response)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(5)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(response)
                        .setConnectionRequestTimeout(response)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent("subsidy-gateway")
                .build();
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
