package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.testkit.Partner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default transport: every status is a reply, no redirects, a size cap, failures as IOException. */
class ApacheHttpTransportTest {

    @RegisterExtension
    final Partner partner = new Partner();

    private final ApacheHttpTransport transport = new ApacheHttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024);

    @AfterEach
    void close() throws IOException {
        transport.close();
    }

    @Test
    void sendsHeadersAndQueryAndReadsTheWholeReply() throws Exception {
        partner.stub(get(urlEqualTo("/a?x=1&y=%E4%B8%AD")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Reply", "yes").withBody("{\"中\":1}")));

        HttpReply reply = transport.send(new HttpCall("GET", URI.create(partner.baseUrl() + "/a?x=1&y=%E4%B8%AD"),
                Map.of("X-App", List.of("k")), null));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-reply")).contains("yes");
        assertThat(reply.bodyText()).isEqualTo("{\"中\":1}");
        partner.server().verify(getRequestedFor(urlPathEqualTo("/a")).withHeader("X-App", equalTo("k")));
    }

    @Test
    void postsTheBodyWithTheCallersContentType() throws Exception {
        partner.stub(post(urlPathEqualTo("/b")).willReturn(aResponse().withStatus(201)));

        HttpReply reply = transport.send(HttpCall.postForm(URI.create(partner.baseUrl() + "/b"), Map.of("k", "v 1"), Map.of()));

        assertThat(reply.status()).isEqualTo(201);
        partner.server().verify(postRequestedFor(urlPathEqualTo("/b"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8"))
                .withRequestBody(equalTo("k=v+1")));
    }

    @Test
    void errorStatusesAndRedirectsAreRepliesNotFollowed() throws Exception {
        partner.stub(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/")));
        partner.stub(get(urlPathEqualTo("/broken")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));

        assertThat(transport.send(HttpCall.get(URI.create(partner.baseUrl() + "/moved"))).status()).isEqualTo(302);
        assertThat(transport.send(HttpCall.get(URI.create(partner.baseUrl() + "/broken"))).header("Retry-After")).contains("4");
        assertThat(partner.requests()).hasSize(2);
    }

    @Test
    void aReplyOverTheCapFails() {
        partner.stub(get(urlPathEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody("x".repeat(1025))));

        assertThatThrownBy(() -> transport.send(HttpCall.get(URI.create(partner.baseUrl() + "/big"))))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void aClosedPortIsAnIOException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/x");

        assertThatThrownBy(() -> transport.send(HttpCall.get(uri))).isInstanceOf(IOException.class);
    }
}
