package dev.subsidy.connector.http;

import java.time.Duration;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one place outbound Apache HttpClient 5 clients are built, from {@link Settings}. Every client it
 * builds follows no redirects (a redirect could lead past a host allow-list or to another intake),
 * never retries by itself (retrying is the caller's policy: a connector's backoff, the outbox schedule;
 * HttpClient's own retries would resend a 429 or 503 at once) and keeps no cookies.
 */
public final class OutboundClients {

    /** The gateway's name on the wire. */
    public static final String USER_AGENT = "subsidy-gateway";
    /** A pooled connection idle this long is checked before reuse: the partner may have closed it meanwhile. */
    public static final Duration VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(2);
    /** Pooled connections idle this long are closed. */
    public static final Duration EVICT_IDLE_AFTER = Duration.ofMinutes(1);

    private OutboundClients() {}

    /**
     * How one client connects and pools.
     *
     * @param connectTimeout           time to establish a connection
     * @param responseTimeout          time to wait for data of the reply (also the socket timeout)
     * @param leaseTimeout             time to wait for a connection from the pool
     * @param maxConnections           connections in the pool, all routes together
     * @param maxConnectionsPerRoute   connections in the pool to one host
     * @param validateAfterInactivity  null: HttpClient's default
     * @param evictIdleAfter           null: idle connections are not evicted by a background thread
     * @param userAgent                null: HttpClient's own
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, Duration leaseTimeout,
                           int maxConnections, int maxConnectionsPerRoute,
                           Duration validateAfterInactivity, Duration evictIdleAfter, String userAgent) {

        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(responseTimeout, "responseTimeout");
            Objects.requireNonNull(leaseTimeout, "leaseTimeout");
            if (maxConnections <= 0 || maxConnectionsPerRoute <= 0) {
                throw new IllegalArgumentException("maxConnections and maxConnectionsPerRoute must be positive");
            }
            if (maxConnectionsPerRoute > maxConnections) {
                throw new IllegalArgumentException("maxConnectionsPerRoute cannot exceed maxConnections");
            }
        }

        /**
         * The gateway's long-lived clients: a pool of the given size, waiting at most the response timeout
         * for a pooled connection, stale connections checked and idle ones evicted, the gateway's user agent.
         */
        public static Settings gateway(Duration connectTimeout, Duration responseTimeout,
                                       int maxConnections, int maxConnectionsPerRoute) {
            return new Settings(connectTimeout, responseTimeout, responseTimeout, maxConnections, maxConnectionsPerRoute,
                    VALIDATE_AFTER_INACTIVITY, EVICT_IDLE_AFTER, USER_AGENT);
        }
    }

    /** A client resolving names with the system's resolver. */
    public static CloseableHttpClient build(Settings settings) {
        return build(settings, null);
    }

    /**
     * A client resolving names with {@code dns} (for instance one that refuses hosts off an allow-list,
     * so that a name cannot be re-pointed at an address the URL check did not see).
     *
     * @param dns null: the system's resolver
     */
    public static CloseableHttpClient build(Settings settings, DnsResolver dns) {
        Objects.requireNonNull(settings, "settings");
        ConnectionConfig.Builder connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()));
        if (settings.validateAfterInactivity() != null) {
            connection.setValidateAfterInactivity(TimeValue.of(settings.validateAfterInactivity()));
        }
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connection.build())
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnectionsPerRoute());
        if (dns != null) {
            pool.setDnsResolver(dns);
        }
        HttpClientBuilder client = HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.leaseTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (settings.evictIdleAfter() != null) {
            client.evictIdleConnections(TimeValue.of(settings.evictIdleAfter()));
        }
        if (settings.userAgent() != null) {
            client.setUserAgent(settings.userAgent());
        }
        return client.build();
    }
}
