package dev.subsidy.connector.http;

import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * A plain {@link HttpTransport} on Apache HttpClient 5: connect and response timeouts, a cap on the
 * reply size, and nothing else. No redirects (a redirect could lead past the gateway's host
 * allow-list), no automatic retries (retrying is the connector's policy), no cookies.
 *
 * <p>It does <em>not</em> check hosts against an allow-list: the gateway lends connectors its own
 * transport that does, and may wrap this one. Tests and tools use it as it is.
 *
 * <p>Thread-safe: one pooled client shared by all calls. {@link #close()} releases the pool; calls
 * after it fail. Blocking I/O is not interruptible once a call is under way; the thread's interrupt
 * is checked before each call, and the timeouts bound how long a call can take.
 */
public final class ApacheHttpTransport implements HttpTransport, AutoCloseable {

    /** Default time to establish a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for data of the reply. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Default largest reply body read (32 MiB); a larger one fails the call. */
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** Headers the client computes itself from the request; a caller's value would conflict. */
    private static final Set<String> COMPUTED = Set.of("content-length", "transfer-encoding", "host", "connection");

    private final CloseableHttpClient client;
    private final int maxBodyBytes;

    /** A transport with the default timeouts and size cap. */
    public ApacheHttpTransport() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_MAX_BODY_BYTES);
    }

    public ApacheHttpTransport(Duration connectTimeout, Duration responseTimeout, int maxBodyBytes) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        // HttpClient's default pool (25 connections, 5 a host); waiting for one is bounded like connecting
        this.client = OutboundClients.build(new OutboundClients.Settings(connectTimeout, responseTimeout, connectTimeout,
                25, 5, null, null, null));
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sending");
        }
        ClassicRequestBuilder b = ClassicRequestBuilder.create(call.method()).setUri(call.uri());
        call.headers().forEach((name, values) -> {
            if (!COMPUTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.addHeader(name, v));
            }
        });
        byte[] body = call.body();
        if (body.length > 0) {
            // the content type travels in the call's own headers
            b.setEntity(new ByteArrayEntity(body, null));
        }
        ClassicHttpRequest request = b.build();
        try {
            return client.execute(request, response -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>()).add(h.getValue());
                }
                return new HttpReply(response.getCode(), headers, read(response.getEntity()));
            });
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while waiting for the reply");
            }
            throw e;
        }
    }

    private byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new IOException("reply body larger than " + maxBodyBytes + " bytes");
            }
            return bytes;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @Override
    public String toString() {
        return "ApacheHttpTransport[maxBodyBytes=" + maxBodyBytes + "]";
    }
}
