package dev.subsidy.gateway.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.gateway.connectors.ConnectorsProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport connectors get: allow-list enforced before anything is sent, no redirects followed. */
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
        partner.start();
        http = new OutboundHttp(new HostAllowList(allowed), new ConnectorsProperties(Path.of("none"), allowed,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(1), 10,
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1024 * 1024));
        return http.transport("t", null);
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
    void aClosedTransportRefusesFurtherCalls() {
        GuardedHttpTransport transport = transport(List.of("localhost"));
        transport.close();
        assertThatThrownBy(() -> transport.send(HttpCall.get(URI.create("http://localhost:" + partner.port() + "/x"))))
                .isInstanceOf(IOException.class).hasMessage("the connector is stopped");
    }
}
