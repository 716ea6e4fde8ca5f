package dev.subsidy.connector.testkit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The WireMock extension behind {@link Partner#respond}: a stub names a registered {@link Responder}
 * by id, and this transformer asks it for the reply.
 *
 * <p>A responder that throws does not fail silently: the reply is a 500 naming the failure, and the
 * failure is kept so the test can fail on it (the connector might otherwise swallow the 500 as a
 * transient error). One instance per WireMock server; thread-safe.
 */
final class Responders implements ResponseDefinitionTransformerV2 {

    static final String NAME = "connector-testkit-responders";
    static final String ID_PARAMETER = "responder";

    private final Map<String, Responder> byId = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    void register(String id, Responder responder) {
        byId.put(id, responder);
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition stubbed = serveEvent.getResponseDefinition();
        Object id = stubbed.getTransformerParameters() == null ? null : stubbed.getTransformerParameters().get(ID_PARAMETER);
        Responder responder = id == null ? null : byId.get(id.toString());
        if (responder == null) {
            return stubbed;
        }
        try {
            return responder.respond(serveEvent.getRequest()).build();
        } catch (RuntimeException | AssertionError e) {
            failures.add(e);
            return WireMock.aResponse().withStatus(500).withBody("test responder failed: " + e).build();
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
