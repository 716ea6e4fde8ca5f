package dev.subsidy.runtime.http;

import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.HttpTransport;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The {@link HttpTransport} one connector instance gets: refuses hosts that are not allowed (before
 * anything is sent), waits for the instance's rate limit, reads the whole reply up to a size limit.
 * {@link #close()} (when the connector is stopped or replaced) cancels calls in flight, so a poll
 * blocked on a slow partner ends promptly. Thread-safe.
 */
public final class GuardedHttpTransport implements HttpTransport, AutoCloseable {

    private final CloseableHttpClient client;
    private final HostAllowList hosts;
    private final RateLimiter limiter;
    private final int maxReplyBytes;
    private final Set<HttpUriRequestBase> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** Counted down by {@link #close()}: ends a wait for the rate limit. */
    private final CountDownLatch closing = new CountDownLatch(1);

    GuardedHttpTransport(CloseableHttpClient client, HostAllowList hosts, RateLimiter limiter, int maxReplyBytes) {
        this.client = client;
        this.hosts = hosts;
        this.limiter = limiter;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the connector is stopped");
        }
        Optional<String> refusal = hosts.refusal(call.uri());
        if (refusal.isPresent()) {
            throw new IOException("refused: " + refusal.get());
        }
        awaitPermit();
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        call.headers().forEach((name, values) -> values.forEach(v -> request.addHeader(name, v)));
        byte[] body = call.body();
        if (body.length > 0) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        inFlight.add(request);
        try {
            if (closed) {
                throw new IOException("the connector is stopped");
            }
            return client.execute(request, this::read);
        } catch (IOException e) {
            if (request.isCancelled() || Thread.currentThread().isInterrupted()) {
                InterruptedException stopped = new InterruptedException("call cancelled: the connector is stopping");
                stopped.initCause(e);
                throw stopped;
            }
            throw e;
        } finally {
            inFlight.remove(request);
        }
    }

    /**
     * Waits for the instance's rate limit, and stops waiting when the transport is closed: a
     * reservation, not {@code acquirePermission}, whose wait nothing but an interrupt would end.
     */
    private void awaitPermit() throws IOException, InterruptedException {
        if (limiter == null) {
            return;
        }
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw new IOException("no call permitted by the rate limit in time");
        }
        if (nanos > 0 && closing.await(nanos, TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("the connector stopped while waiting for its rate limit");
        }
    }

    private HttpReply read(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return new HttpReply(response.getCode(), headers, body(response.getEntity()));
    }

    private byte[] body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] bytes = in.readNBytes(maxReplyBytes + 1);
            if (bytes.length > maxReplyBytes) {
                throw new IOException("reply larger than gateway.connectors.max-reply-bytes (" + maxReplyBytes + ")");
            }
            return bytes;
        }
    }

    /** Refuses further calls and cancels those in flight. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        inFlight.forEach(HttpUriRequestBase::cancel);
    }
}
