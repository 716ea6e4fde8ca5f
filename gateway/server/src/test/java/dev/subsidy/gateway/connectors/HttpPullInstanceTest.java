package dev.subsidy.gateway.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorsProperties;
import dev.subsidy.runtime.InstanceFactory;
import dev.subsidy.runtime.definition.DefinitionReader;
import dev.subsidy.runtime.http.HostAllowList;
import dev.subsidy.runtime.http.OutboundHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in http-pull type as the gateway runs it: its calls go through the gateway's guarded
 * transport (allow-list, the definition's secrets from the environment), and its waits through the
 * gateway's context, so stopping the connector ends a long Retry-After at once.
 */
class HttpPullInstanceTest {

    private final WireMockServer partner = new WireMockServer(options().dynamicPort());
    private final ConnectorRegistry registry = ConnectorRegistry.load(null, getClass().getClassLoader());
    private OutboundHttp http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        registry.close();
        partner.stop();
    }

    private ConnectorInstance instance(List<String> allowedHosts, String settings) {
        partner.start();
        ConnectorsProperties properties = new ConnectorsProperties(Path.of("none"), allowedHosts, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(1), 10, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1024 * 1024);
        http = new OutboundHttp(new HostAllowList(allowedHosts), properties.outboundLimits());
        InstanceFactory factory = new InstanceFactory(registry, name -> Optional.ofNullable(Map.of("PARCELS_TOKEN", "tok-3f9a").get(name)),
                http, properties, Clock.systemUTC());
        String yaml = """
            id: parcels
            type: http-pull
            settings:
              base_url: http://localhost:%d
              path: /v2/parcels
              auth: bearer
              auth_token: ${env:PARCELS_TOKEN}
              records_path: /data/parcels
            %s""".formatted(partner.port(), settings.indent(2));
        return factory.create(new DefinitionReader().read(yaml).definition(), false, List.of());
    }

    @Test
    void aPageIsReadThroughTheGatewaysTransportWithTheSecretFromTheEnvironment() throws Exception {
        ConnectorInstance instance = instance(List.of("localhost"), "");
        partner.stubFor(get(urlPathEqualTo("/v2/parcels")).withHeader("Authorization", equalTo("Bearer tok-3f9a"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\": {\"parcels\": [{\"trackingNo\": \"A1\"}]}}")));

        RecordBatch batch = instance.pull().poll(Checkpoint.NONE);

        assertThat(batch.records()).singleElement().isInstanceOfSatisfying(SourceRecord.Json.class,
                r -> assertThat(r.json()).isEqualTo("{\"trackingNo\":\"A1\"}"));
        instance.stop();
    }

    @Test
    void aHostOffTheAllowListIsRefusedByTheTransportWithoutACall() {
        ConnectorInstance instance = instance(List.of("api.partner.example"), "retry_max_attempts: 1");

        assertThatThrownBy(() -> instance.pull().poll(Checkpoint.NONE))
                .hasMessageContaining("refused: host 'localhost' is not in gateway.connectors.allowed-hosts");
        assertThat(partner.getAllServeEvents()).isEmpty();
        instance.stop();
    }

    @Test
    void stoppingTheConnectorEndsAWaitForTheRetryAfterItsPartnerAskedFor() {
        ConnectorInstance instance = instance(List.of("localhost"), "retry_max_wait: 10m");
        partner.stubFor(get(urlPathEqualTo("/v2/parcels"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "300")));

        CompletableFuture<RecordBatch> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return instance.pull().poll(Checkpoint.NONE);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        // the partner was asked, and the connector now waits its 5 minutes inside the poll
        await().atMost(Duration.ofSeconds(5)).until(() -> partner.getAllServeEvents().size() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

        instance.stop();

        await().atMost(Duration.ofSeconds(2)).until(poll::isDone);
        assertThatThrownBy(poll::join).hasCauseInstanceOf(InterruptedException.class);
        assertThat(partner.getAllServeEvents()).hasSize(1);
    }
}
