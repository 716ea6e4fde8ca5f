package dev.subsidy.connector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated partner: a WireMock server on a free port, started before each test and stopped after
 * it, with fixed stubs ({@link #stub}) and computed replies ({@link #respond}). Register it as an
 * instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final Partner partner = new Partner();
 * }</pre>
 *
 * <p>A {@link PartnerApi} describes a partner's API through it; the contract tests add failures on top
 * with a higher priority. Stubs are registered before the connector polls; WireMock serves them from
 * its own threads. One instance per test instance: not shared between tests.
 */
public final class Partner implements BeforeEachCallback, AfterEachCallback {

    private final Responders responders = new Responders();
    private WireMockServer server;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(responders));
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    /** The server's base URL, such as {@code http://localhost:53412}, without a trailing slash. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /** Registers a fixed stub. */
    public void stub(MappingBuilder mapping) {
        server().stubFor(mapping);
    }

    /** Registers a stub whose reply the responder computes from each request. */
    public void respond(MappingBuilder mapping, Responder responder) {
        String id = UUID.randomUUID().toString();
        responders.register(id, responder);
        server().stubFor(mapping.willReturn(aResponse()
                .withTransformers(Responders.NAME)
                .withTransformerParameter(Responders.ID_PARAMETER, id)));
    }

    /** Every request received so far, oldest first. */
    public List<LoggedRequest> requests() {
        return server().findAll(anyRequestedFor(anyUrl()));
    }

    /** Failures thrown by responders so far (a test should fail when there are any). */
    public List<Throwable> responderFailures() {
        return responders.failures();
    }

    /** The WireMock server itself, for anything not covered here. */
    public WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the partner runs only during a test: register it with @RegisterExtension");
        }
        return server;
    }
}
