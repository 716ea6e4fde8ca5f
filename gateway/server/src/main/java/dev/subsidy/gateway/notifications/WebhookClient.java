package dev.subsidy.gateway.notifications;

import dev.subsidy.connector.http.OutboundClients;
import dev.subsidy.gateway.delivery.AwardIntakeClient;
import dev.subsidy.gateway.delivery.PushSignature;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * Posts a notice to a webhook, signed exactly as the award push is ({@link PushSignature}: the same
 * header and scheme, with the webhook's secret), so a receiver verifies both the same way. A passing
 * fault (no reply, a timeout, 5xx, 408, 429) is retried with exponential backoff, a fresh signature each
 * time; any other reply is final for this check. Built on the project's outbound client (no redirects,
 * no retries of its own). Never logs or returns the secret, the signature or the URL's query.
 */
class WebhookClient implements AutoCloseable {

    static final String IDEMPOTENCY_KEY = AwardIntakeClient.IDEMPOTENCY_KEY;
    private static final int MAX_REPLY_CHARS = 300;

    /** What one post, after its retries, came to. */
    record Reply(Integer status, String detail) {

        boolean ok() {
            return status != null && status / 100 == 2;
        }

        boolean passingFault() {
            return status == null || status >= 500 || status == 408 || status == 429;
        }

        /** For logs and the store: the status and the start of the body, or the network fault. */
        String describe() {
            return status == null ? detail : "HTTP " + status + (detail.isBlank() ? "" : ": " + detail);
        }
    }

    private final Clock clock;
    private final CloseableHttpClient http;
    private final RetryConfig retryConfig;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    WebhookClient(NotificationProperties settings, Clock clock) {
        this.clock = clock;
        // one post at a time per check: a small pool
        this.http = OutboundClients.build(OutboundClients.Settings.gateway(settings.connectTimeout(),
                settings.responseTimeout(), 2, 2));
        this.retryConfig = RetryConfig.<Reply>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2))
                .retryOnResult(Reply::passingFault)
                .failAfterMaxAttempts(false)
                .build();
    }

    /**
     * Posts {@code body} to {@code webhook}, retrying passing faults. Never throws for a network fault.
     *
     * @param idempotencyKey the same for every post of one notice, so a receiver that got a post whose reply
     *     was lost can tell the retry apart
     */
    Reply post(Webhook webhook, String idempotencyKey, byte[] body) {
        PushSignature signature = new PushSignature(webhook.secret());
        Retry retry = retries.computeIfAbsent(webhook.key(), key -> Retry.of("webhook-" + key, retryConfig));
        return retry.executeSupplier(() -> attempt(webhook, signature, idempotencyKey, body));
    }

    private Reply attempt(Webhook webhook, PushSignature signature, String idempotencyKey, byte[] body) {
        HttpPost post = new HttpPost(webhook.url());
        post.setHeader(HttpHeaders.CONTENT_TYPE, AwardIntakeClient.CONTENT_TYPE);
        post.setHeader(IDEMPOTENCY_KEY, idempotencyKey);
        post.setHeader(PushSignature.HEADER, signature.sign(clock.instant().getEpochSecond(), body));
        post.setEntity(new ByteArrayEntity(body, null));
        try {
            return http.execute(post, WebhookClient::read);
        } catch (IOException e) {
            // the message names the host at most, never the query
            return new Reply(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Reply read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        String text = "";
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                text = in == null ? "" : new String(in.readNBytes(MAX_REPLY_CHARS * 4), StandardCharsets.UTF_8);
            }
        }
        text = text.strip();
        return new Reply(response.getCode(), text.length() > MAX_REPLY_CHARS ? text.substring(0, MAX_REPLY_CHARS) + "…" : text);
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "WebhookClient[" + retries.size() + " webhooks]";
    }
}
