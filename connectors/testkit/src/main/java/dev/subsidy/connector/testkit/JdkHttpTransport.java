package dev.subsidy.connector.testkit;

import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.HttpTransport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A plain transport on the JDK's {@link HttpClient}, for tests: no allow-list, no rate limit, no
 * redirects, short timeouts. The gateway supplies its own transport in production.
 *
 * <p>Thread-safe.
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public HttpReply send(HttpCall call) throws IOException, InterruptedException {
        byte[] body = call.body();
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(Duration.ofSeconds(10))
                .method(call.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        call.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                for (String v : values) {
                    b.header(name, v);
                }
            }
        });
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>(r.headers().map());
        headers.remove(":status");
        return new HttpReply(r.statusCode(), headers, r.body());
    }
}
