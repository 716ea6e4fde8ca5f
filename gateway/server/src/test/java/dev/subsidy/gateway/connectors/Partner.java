package dev.subsidy.gateway.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.stream.Collectors;

/** The test partner: a WireMock server answering {@code test-pull}'s cursor pages, per path prefix. */
final class Partner implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    Partner() {
        server.start();
    }

    String baseUrl(String prefix) {
        return "http://localhost:" + server.port() + "/" + prefix;
    }

    int port() {
        return server.port();
    }

    /** The page at {@code cursor}: these waybills (ZTO shipments), then {@code next}, {@code more}. */
    void page(String prefix, String cursor, String next, boolean more, String... waybills) {
        String records = List.of(waybills).stream().map(Partner::shipment).collect(Collectors.joining(","));
        server.stubFor(get(urlPathEqualTo("/" + prefix + "/records")).withQueryParam("cursor", equalTo(cursor))
                .withHeader("X-Api-Key", equalTo(TestConnectorBeans.API_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"records\": [" + records + "], \"next\": \"" + next + "\", \"more\": " + more + "}")));
    }

    /** Every call under the prefix fails with this status. */
    void failing(String prefix, int status) {
        server.stubFor(get(urlPathEqualTo("/" + prefix + "/records"))
                .willReturn(aResponse().withStatus(status).withBody("partner trouble")));
    }

    void reset(String prefix) {
        server.getStubMappings().stream()
                .filter(m -> m.getRequest().getUrlPath() != null && m.getRequest().getUrlPath().startsWith("/" + prefix + "/"))
                .toList()
                .forEach(server::removeStub);
    }

    int calls(String prefix, String cursor) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/" + prefix + "/records"))
                .withQueryParam("cursor", equalTo(cursor))).size();
    }

    int calls(String prefix) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/" + prefix + "/records"))).size();
    }

    static String shipment(String waybill) {
        return """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "%s", "collectedAt": "2026-10-03T18:00:00+08:00",
             "originRegion": "522633100", "destRegion": "440106"}""".formatted(waybill);
    }

    @Override
    public void close() {
        server.stop();
    }
}
