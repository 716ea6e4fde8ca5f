package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.subsidy.connector.testkit.Partner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every client built here: redirects and faults come back to the caller as they are, with the settings' user agent. */
class OutboundClientsTest {

    @RegisterExtension
    final Partner partner = new Partner();

    private static final OutboundClients.Settings GATEWAY =
            OutboundClients.Settings.gateway(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 2);

    @Test
    void aRedirectIsTheReplyNotAnotherRequest() throws IOException {
        partner.stub(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        partner.stub(get(urlPathEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));

        try (CloseableHttpClient client = OutboundClients.build(GATEWAY)) {
            int status = client.execute(new HttpGet(partner.baseUrl() + "/moved"), r -> r.getCode());
            assertThat(status).isEqualTo(302);
        }
        assertThat(partner.server().findAll(getRequestedFor(urlPathEqualTo("/elsewhere")))).isEmpty();
    }

    @Test
    void aDroppedConnectionIsSentOnceAndFailsTheCall() throws IOException {
        partner.stub(get(urlPathEqualTo("/drop")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (CloseableHttpClient client = OutboundClients.build(GATEWAY)) {
            assertThatThrownBy(() -> client.execute(new HttpGet(partner.baseUrl() + "/drop"), r -> r.getCode()))
                    .isInstanceOf(IOException.class);
        }
        assertThat(partner.server().findAll(getRequestedFor(urlPathEqualTo("/drop")))).hasSize(1);
    }

    @Test
    void theGatewaysClientsNameThemselvesAndTheDefaultLeavesHttpClientsName() throws IOException {
        partner.stub(get(urlPathEqualTo("/who")).willReturn(aResponse().withStatus(204)));

        try (CloseableHttpClient client = OutboundClients.build(GATEWAY)) {
            client.execute(new HttpGet(partner.baseUrl() + "/who"), r -> r.getCode());
        }
        partner.server().verify(getRequestedFor(urlPathEqualTo("/who")).withHeader("User-Agent", equalTo("subsidy-gateway")));

        partner.server().resetRequests();
        try (CloseableHttpClient plain = OutboundClients.build(new OutboundClients.Settings(
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), 25, 5, null, null, null))) {
            plain.execute(new HttpGet(partner.baseUrl() + "/who"), r -> r.getCode());
        }
        assertThat(partner.server().findAll(getRequestedFor(urlPathEqualTo("/who"))))
                .singleElement().satisfies(r -> assertThat(r.getHeader("User-Agent")).startsWith("Apache-HttpClient"));
    }

    @Test
    void namesAreResolvedByTheGivenResolver() throws IOException {
        partner.stub(get(urlPathEqualTo("/named")).willReturn(aResponse().withStatus(200)));
        AtomicInteger asked = new AtomicInteger();
        DnsResolver onlyPartner = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                asked.incrementAndGet();
                if (!host.equals("partner.test")) {
                    throw new UnknownHostException(host + " is not the partner");
                }
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        String url = partner.baseUrl().replace("localhost", "partner.test").replace("127.0.0.1", "partner.test");

        try (CloseableHttpClient client = OutboundClients.build(GATEWAY, onlyPartner)) {
            int status = client.execute(new HttpGet(url + "/named"), r -> r.getCode());
            assertThat(status).isEqualTo(200);
            assertThatThrownBy(() -> client.execute(new HttpGet("http://elsewhere.test/named"), r -> r.getCode()))
                    .isInstanceOf(UnknownHostException.class);
        }
        assertThat(asked).hasValue(2);
    }

    @Test
    void aPoolSmallerPerHostThanInTotalIsTheOnlySensibleShape() {
        assertThatThrownBy(() -> OutboundClients.Settings.gateway(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectionsPerRoute");
        assertThatThrownBy(() -> OutboundClients.Settings.gateway(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> OutboundClients.Settings.gateway(null, Duration.ofSeconds(1), 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("connectTimeout");
    }
}
