package dev.subsidy.runtime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport connectors get: allow-list enforced before anything is sent, no redirects followed,
 * a wait for the rate limit that ends when the connector stops.
 */
class GuardedHttpTransportTest {

    private final WireMockServer partner = new WireMockServer(options().dynamicPort());
    private OutboundHttp http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        partner.stop();
    }

    private GuardedHttpTransport transport(List<String> allowed) {
        return transport(allowed, null);
    }

    private GuardedHttpTransport transport(List<String> allowed, Double callsPerSecond) {
        partner.start();
        http = new OutboundHttp(new HostAllowList(allowed),
                new OutboundHttp.Limits(Duration.ofSeconds(5), Duration.ofSeconds(5), 1024 * 1024));
        return http.transport("t", callsPerSecond);
    }

    @Test
    void aHostThatIsNotAllowedIsRefusedWithoutACall() {
        GuardedHttpTransport transport = transport(List.of("localhost"));
        partner.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> transport.send(HttpCall.get(URI.create("http://127.0.0.1:" + partner.port() + "/x"))))
                .isInstanceOf(IOException.class)
                .hasMessage("refused: host '127.0.0.1' is not in gateway.connectors.allowed-hosts (allowed: localhost)");
        assertThat(partner.getAllServeEvents()).isEmpty();
    }

    @Test
    void anAllowedHostIsCalledAndARedirectIsReturnedNotFollowed() throws Exception {
        GuardedHttpTransport transport = transport(List.of("localhost"));
        partner.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data")));

        HttpReply reply = transport.send(HttpCall.get(URI.create("http://localhost:" + partner.port() + "/x")));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(partner.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aCallWaitingForTheRateLimitEndsWhenTheTransportIsClosed() throws Exception {
        // one call every 2 s: the second waits for its permit
        GuardedHttpTransport transport = transport(List.of("localhost"), 0.5);
        partner.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(200)));
        URI uri = URI.create("http://localhost:" + partner.port() + "/x");
        assertThat(transport.send(HttpCall.get(uri)).status()).isEqualTo(200);

        CompletableFuture<HttpReply> second = CompletableFuture.supplyAsync(() -> {
            try {
                return transport.send(HttpCall.get(uri));
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !second.isDone());
        transport.close();

        await().atMost(Duration.ofSeconds(2)).until(second::isDone);
        assertThatThrownBy(second::join).hasCauseInstanceOf(InterruptedException.class)
                .hasMessageContaining("the connector stopped while waiting for its rate limit");
        assertThat(partner.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aClosedTransportRefusesFurtherCalls() {
        GuardedHttpTransport transport = transport(List.of("localhost"));
        transport.close();
        assertThatThrownBy(() -> transport.send(HttpCall.get(URI.create("http://localhost:" + partner.port() + "/x"))))
                .isInstanceOf(IOException.class).hasMessage("the connector is stopped");
    }
}
