package dev.subsidy.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.subsidy.connector.testkit.Responder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated partner outside a test: a WireMock server on a free loopback port whose replies are
 * computed by {@link Responder}s, as the contract kit's {@code Partner} computes them inside a test.
 * The demo's marketplaces run on it; {@link #baseUrl()} is the numeric loopback address, because a
 * gateway reaches loopback only through an exact {@code allowed-hosts} entry such as 127.0.0.1.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final String NAME = "simulator-responders";
    private static final String ID_PARAMETER = "responder";

    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final WireMockServer server;

    private SimulatorServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(new Dispatch()));
    }

    /** Starts a server on a free loopback port. */
    public static SimulatorServer start() {
        SimulatorServer simulator = new SimulatorServer();
        simulator.server.start();
        return simulator;
    }

    /** Registers a stub whose reply the responder computes from each request. */
    public void respond(MappingBuilder mapping, Responder responder) {
        String id = UUID.randomUUID().toString();
        responders.put(id, responder);
        server.stubFor(mapping.willReturn(aResponse().withTransformers(NAME).withTransformerParameter(ID_PARAMETER, id)));
    }

    /** Such as {@code http://127.0.0.1:53412}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Failures thrown by responders so far (each was answered with a 500 naming it). */
    public List<Throwable> responderFailures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Dispatch implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ResponseDefinition stubbed = event.getResponseDefinition();
            Object id = stubbed.getTransformerParameters() == null ? null : stubbed.getTransformerParameters().get(ID_PARAMETER);
            Responder responder = id == null ? null : responders.get(id.toString());
            if (responder == null) {
                return stubbed;
            }
            try {
                return responder.respond(event.getRequest()).build();
            } catch (RuntimeException e) {
                failures.add(e);
                return WireMock.aResponse().withStatus(500).withBody("simulator failed: " + e).build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
