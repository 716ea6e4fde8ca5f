package dev.subsidy.gateway.delivery;

import dev.subsidy.connector.http.OutboundClients;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * Posts stored batches to the award intake exactly as {@code docs/award-intake.md} says, and classifies
 * the reply. It keeps no state about batches: the durable schedule is the outbox table.
 *
 * <p>Thread-safe (pooled connections). A circuit breaker wraps the call so that a dead intake is
 * not hit by every due batch of every tick; an open breaker yields {@link
 * DeliveryOutcome.Verdict#NOT_SENT}. Never logs the secret or the signature.
 */
public class AwardIntakeClient implements AutoCloseable {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** Replies beyond this are not read: the outbox keeps a few KB of them anyway. */
    static final int MAX_REPLY_BYTES = 64 * 1024;

    /** Breaker defaults: open after half of the last 10 sends failed (at least 5), probe after 30 s. */
    static final int BREAKER_WINDOW = 10;
    static final int BREAKER_MINIMUM_CALLS = 5;
    static final float BREAKER_FAILURE_RATE = 50f;
    static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(30);

    private final Map<DeliveryKind, URI> targets = new EnumMap<>(DeliveryKind.class);
    private final PushSignature signature;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final CloseableHttpClient http;

    public AwardIntakeClient(DeliveryProperties settings, Clock clock) {
        this(settings, clock, CircuitBreaker.of("award-intake", breakerConfig()));
    }

    public AwardIntakeClient(DeliveryProperties settings, Clock clock, CircuitBreaker breaker) {
        this.clock = clock;
        this.breaker = breaker;
        if (settings.url() != null) {
            String base = settings.url().toString().replaceAll("/+$", "");
            for (DeliveryKind kind : DeliveryKind.values()) {
                targets.put(kind, URI.create(base + kind.path()));
            }
        }
        String secret = settings.secret();
        this.signature = secret == null || secret.isBlank() ? null : new PushSignature(secret);
        this.http = httpClient(settings);
    }

    /** Counts only passing faults: a 400 or 401 says nothing about whether the intake is up. */
    public static CircuitBreakerConfig breakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(BREAKER_WINDOW)
                .minimumNumberOfCalls(BREAKER_MINIMUM_CALLS)
                .failureRateThreshold(BREAKER_FAILURE_RATE)
                .waitDurationInOpenState(BREAKER_OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(r -> r instanceof DeliveryOutcome o && o.verdict() == DeliveryOutcome.Verdict.TRANSIENT)
                .build();
    }

    private static CloseableHttpClient httpClient(DeliveryProperties settings) {
        // a small pool: the outbox sends one batch at a time; retries belong to the outbox schedule
        return OutboundClients.build(OutboundClients.Settings.gateway(
                settings.connectTimeout(), settings.responseTimeout(), 4, 4));
    }

    /** {@code gateway.award.url} is set: there is somewhere to push to. */
    public boolean configured() {
        return !targets.isEmpty();
    }

    /** {@code gateway.award.secret} is set: pushes can be signed. */
    public boolean canSign() {
        return signature != null;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /**
     * Sends one batch and classifies the reply. Never throws for a network fault: those are
     * {@link DeliveryOutcome.Verdict#TRANSIENT} outcomes.
     *
     * @throws IllegalStateException when not {@link #configured()} or not able to {@link #canSign()}
     */
    public DeliveryOutcome send(PendingDelivery batch) {
        if (!configured() || !canSign()) {
            throw new IllegalStateException("gateway.award.url and gateway.award.secret must both be set");
        }
        try {
            return breaker.executeSupplier(() -> post(batch));
        } catch (CallNotPermittedException open) {
            return DeliveryOutcome.notSent("circuit breaker open after repeated passing faults");
        }
    }

    private DeliveryOutcome post(PendingDelivery batch) {
        byte[] body = batch.body().getBytes(StandardCharsets.UTF_8);
        HttpPost post = new HttpPost(targets.get(batch.kind()));
        post.setHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
        post.setHeader(IDEMPOTENCY_KEY, batch.id());
        post.setHeader(PushSignature.HEADER, signature.sign(clock.instant().getEpochSecond(), body));
        // no ContentType on the entity: the header above is the contract's exact spelling
        post.setEntity(new ByteArrayEntity(body, null));
        try {
            return http.execute(post, this::classify);
        } catch (IOException e) {
            return DeliveryOutcome.passingFault(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private DeliveryOutcome classify(ClassicHttpResponse response) throws IOException {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        Optional<Duration> wait =
                RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock.instant());
        return DeliveryOutcome.ofReply(response.getCode(), read(response.getEntity()), wait);
    }

    private static String read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            return in == null ? "" : new String(in.readNBytes(MAX_REPLY_BYTES), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        // the URL may carry credentials in its user-info part: not printed
        return "AwardIntakeClient[configured=" + configured() + ", breaker=" + breaker.getState() + "]";
    }
}
