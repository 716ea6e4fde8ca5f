package dev.subsidy.gateway.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.GatewayApplication;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * Definitions added through the API, and their pause, survive a restart; a definition file with
 * problems stops the gateway naming the file and every problem.
 */
class ConnectorRestartIT {

    @TempDir
    Path home;

    private ConfigurableApplicationContext start(Path dir) {
        // arguments, not default properties: application.yml's gateway.home would win over those
        return new SpringApplicationBuilder(GatewayApplication.class, TestConnectorBeans.class).run(
                "--gateway.home=" + home,
                "--gateway.jurisdiction.name=从江县",
                "--gateway.jurisdiction.regions=522633",
                "--gateway.security.admin-token=" + Tokens.ADMIN,
                "--gateway.connectors.dir=" + dir,
                "--gateway.connectors.allowed-hosts=.partner.example",
                "--server.port=0");
    }

    private static GatewayClient client(ConfigurableApplicationContext context) {
        return new GatewayClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void anAddedAndPausedDefinitionIsBackAfterARestartStillPaused() {
        Path none = home.resolve("no-such-folder");
        try (ConfigurableApplicationContext first = start(none)) {
            GatewayClient gateway = client(first);
            GatewayClient.Reply added = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml", """
                id: it-kept
                type: test-pull
                schedule: 1h
                settings:
                  base_url: https://api.partner.example/v1
                  api_key: ${env:IT_API_KEY}
                """.getBytes(StandardCharsets.UTF_8));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            assertThat(gateway.send("POST", "/api/v1/connectors/it-kept/pause", Tokens.ADMIN, null, null).status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start(none)) {
            JsonNode kept = client(second).get("/api/v1/connectors/it-kept", Tokens.ADMIN).json();
            assertThat(kept.get("state").asText()).isEqualTo("PAUSED");
            assertThat(kept.at("/definition/settings/api_key").asText()).isEqualTo("${env:IT_API_KEY}");
            assertThat(kept.at("/definition/schedule").asText()).isEqualTo("PT1H");
        }
    }

    @Test
    void aDefinitionFileWithProblemsStopsTheGatewayNamingEachOne() throws Exception {
        Path dir = Files.createDirectories(home.resolve("connectors"));
        Files.writeString(dir.resolve("zto.yml"), """
            id: zto-a
            type: test-pull
            settings:
              base_url: https://intranet.local/
              api_key: literal-value-here
            """);
        assertThatThrownBy(() -> start(dir).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("connector definitions with problems in " + dir)
                        .contains("zto.yml: settings.api_key: a secret must be a reference to the environment")
                        .contains("settings.base_url: host 'intranet.local' is not in gateway.connectors.allowed-hosts")
                        .doesNotContain("literal-value-here"));
    }
}
