package dev.subsidy.connector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;

/**
 * The simulated partner of one test: a WireMock server on a free port, with fixed stubs
 * ({@link #stub}) and computed replies ({@link #respond}). A {@link PartnerApi} describes a partner's
 * API through it; the contract tests add failures on top with a higher priority.
 *
 * <p>Stubs are registered before the connector polls; WireMock serves them from its own threads.
 */
public final class Partner {

    private final WireMockExtension server;
    private final Responders responders;

    Partner(WireMockExtension server, Responders responders) {
        this.server = server;
        this.responders = responders;
    }

    /** The server's base URL, such as {@code http://localhost:53412}, without a trailing slash. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Registers a fixed stub. */
    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Registers a stub whose reply the responder computes from each request. */
    public void respond(MappingBuilder mapping, Responder responder) {
        String id = UUID.randomUUID().toString();
        responders.register(id, responder);
        server.stubFor(mapping.willReturn(aResponse()
                .withTransformers(Responders.NAME)
                .withTransformerParameter(Responders.ID_PARAMETER, id)));
    }

    /** Every request received so far, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** Failures thrown by responders so far (a test fails when there are any). */
    public List<Throwable> responderFailures() {
        return responders.failures();
    }

    /** The WireMock server itself, for anything not covered here. */
    public WireMockExtension server() {
        return server;
    }
}
