package dev.subsidy.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.runtime.definition.EnvironmentVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one gateway the API-level and connector ITs share: one SQLite home, 从江县, every role's token,
 * the connector runtime at test pace, and one operator environment. Each of them extends this class
 * and declares no configuration of its own, so that Spring's test context cache starts the
 * application once for all of them instead of once per class.
 *
 * <p>Sharing it means keeping out of each other's way, whatever order the classes run in:
 * <ul>
 *   <li>its database: each class asserts on its own keys (connector ids, waybills, subjects, mapping
 *       names) or on before/after differences, never on a table being otherwise empty;
 *   <li>its folders: each class uses the subfolders of {@link #home()} its own connectors and
 *       mappings are named for ({@code inbox/<its connector id>}, {@code mappings/<its mapping>.jslt});
 *   <li>its environment: each class reads its own variable names from {@link #ENVIRONMENT};
 *   <li>its running connectors: after each class every connector that class added is paused (or
 *       deleted) through the API (a paused pull connector calls nobody; a paused inbox takes no file).
 *       Nothing a class leaves running can reach the next one.
 * </ul>
 *
 * <p>A test that needs another setting, bean or database keeps a configuration of its own, with the
 * reason next to it; so does one that must watch the application start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.feeds.max-body-bytes=" + SharedGateway.MAX_BODY_BYTES,
    // localhost: the WireMock partners; .partner.example: definitions that are checked and stored but never reach it
    "gateway.connectors.allowed-hosts=localhost,.partner.example",
    // test pace: a file is taken, a failure retried and a run-now served within a few hundred milliseconds
    "gateway.connectors.tick=100ms",
    "gateway.connectors.initial-backoff=200ms",
    "gateway.connectors.max-backoff=1s",
    // small sandbox limits a test can pass cheaply (MappingSandboxIT asserts on both)
    "gateway.mappings.record-time-budget=" + SharedGateway.RECORD_TIME_BUDGET,
    "gateway.mappings.max-output-bytes=" + SharedGateway.MAX_OUTPUT_BYTES,
    // FraudRulesIT's push connector speaks for a carrier: its word outweighs the standard feed's
    "gateway.verification.source-trust.fr-carrier=CARRIER"
})
@Import(SharedGateway.OperatorEnvironment.class)
public abstract class SharedGateway {

    /** The feed body limit: small enough that a test can pass it cheaply. */
    public static final int MAX_BODY_BYTES = 65536;
    public static final String RECORD_TIME_BUDGET = "200ms";
    public static final int MAX_OUTPUT_BYTES = 4096;

    /** The operator's mapping that does not compile, in the mappings folder before the gateway starts. */
    public static final String BROKEN_MAPPING = "broken";

    /**
     * What the operator exports, for every class: each names its own variables, and asserts that
     * its own values never appear where they must not.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            // AddingAConnectorIT: the README's {@code export PARCELS_API_TOKEN=…}
            "PARCELS_API_TOKEN", "it-parcels-token-6c1d",
            // TraceAssemblyIT: ZTO's app secret and the feeder token of its push connector
            "IT_ZTO_SECRET", "it-zto-app-secret-5c1d",
            "IT_ZTO_FEEDER", "it-zto-feeder-token-8e2a",
            // DefinitionSecretsIT: a credential the definition takes from the environment
            "PARTNER_COOKIE", "cookie-from-env-6",
            // MappingSandboxIT: the feeder token of its push connectors
            "IT_SANDBOX_FEEDER", "it-sandbox-feeder-5e2a91",
            // FraudRulesIT: the feeder token of its carrier's push connector
            "FR_CARRIER_TOKEN", "fr-carrier-feeder-3b7d",
            // ConnectorLifecycleIT: the feeder token of its push connector
            "IT_LIFECYCLE_FEEDER", "it-lifecycle-feeder-7d3e",
            // RejectionReplayIT: the feeder token of its push connectors
            "IT_REPLAY_FEEDER", "it-replay-feeder-4f9b");

    /** {@code gateway.home}: one folder for the shared application. */
    private static final Path HOME = createHome();

    private static Path createHome() {
        try {
            Path home = Files.createTempDirectory("gateway-shared-it");
            // an operator's folder with one mapping that does not compile: the gateway still starts (FileInboxIT)
            Path mappings = Files.createDirectories(home.resolve("operator-mappings"));
            Files.writeString(mappings.resolve(BROKEN_MAPPING + ".jslt"), "{\n  \"kind\": \"shipment\",\n  \"waybillNo\": .no +\n}\n",
                    StandardCharsets.UTF_8);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared {@code gateway.home}; each class keeps to the subfolders of its own names. */
    protected static Path home() {
        return HOME;
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("gateway.home", HOME::toString);
        registry.add("gateway.mappings.dir", () -> HOME.resolve("operator-mappings").toString());
        // no definitions at startup: each class adds its connectors through the API
        registry.add("gateway.connectors.dir", () -> HOME.resolve("no-definitions").toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OperatorEnvironment {
        @Bean
        @Primary
        EnvironmentVariables sharedEnvironment() {
            return name -> Optional.ofNullable(ENVIRONMENT.get(name));
        }
    }

    // ---- each class pauses the connectors it added ----

    /** The connectors that were there before the running class; classes run one after another. */
    private static Set<String> connectorsBefore = Set.of();

    @BeforeAll
    static void noteConnectors(@LocalServerPort int port) {
        connectorsBefore = connectorIds(new GatewayClient(port));
    }

    @AfterAll
    static void pauseConnectorsThisClassAdded(@LocalServerPort int port) {
        GatewayClient gateway = new GatewayClient(port);
        Set<String> added = connectorIds(gateway);
        added.removeAll(connectorsBefore);
        for (String id : added) {
            GatewayClient.Reply paused = gateway.send("POST", "/api/v1/connectors/" + id + "/pause", Tokens.ADMIN, null, null);
            assertThat(paused.status()).as("pausing %s: %s", id, paused.body()).isEqualTo(200);
        }
    }

    private static Set<String> connectorIds(GatewayClient gateway) {
        GatewayClient.Reply all = gateway.get("/api/v1/connectors", Tokens.ADMIN);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        for (JsonNode connector : all.json()) {
            ids.add(connector.get("id").asText());
        }
        return ids;
    }
}
