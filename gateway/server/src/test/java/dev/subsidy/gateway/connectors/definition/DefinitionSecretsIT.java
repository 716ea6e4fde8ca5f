package dev.subsidy.gateway.connectors.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over the admin API: a definition hiding a credential is refused with every place named, nothing is
 * stored, and neither the reply nor the connectors list ever shows the credential.
 */
class DefinitionSecretsIT extends SharedGateway {

    /** What the operator exports (PARTNER_COOKIE): it must not show in any reply. */
    private static final String COOKIE = ENVIRONMENT.get("PARTNER_COOKIE");

    private static final String LEAKY = """
        id: leaky-orders
        type: http-pull
        schedule: 99999999999d
        settings:
          base_url: https://shop:pa55word-1@api.partner.example
          headers: Authorization=Bearer t0ken-2, Cookie=s3ssion-3, Accept=application/json
          query: access_token=t0ken-4
          params: method=orders.get, app_key=12345678, sign=s1gn-5
          window_start_param: from
          window_end_param: to
          window_start_at: 2026-03-01T00:00:00+08:00
          window_max: 99999999999d
        """;
    private static final List<String> SECRETS = List.of("pa55word-1", "t0ken-2", "s3ssion-3", "t0ken-4", "s1gn-5");

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private GatewayClient.Reply post(String path, String yaml) {
        return gateway.send("POST", path, Tokens.ADMIN, "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(JsonNode reply) {
        List<String> fields = new ArrayList<>();
        reply.get("problems").forEach(p -> fields.add(p.get("field").asText()));
        return fields;
    }

    @Test
    void aDefinitionHidingCredentialsIsRefusedWithEveryPlaceNamedAndNothingStored() {
        GatewayClient.Reply validated = post("/api/v1/connectors/validate", LEAKY);
        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.json().get("valid").asBoolean()).isFalse();
        assertThat(fields(validated.json())).containsExactlyInAnyOrder("schedule", "settings.base_url", "settings.headers",
                "settings.headers", "settings.query", "settings.params", "settings.window_max");

        GatewayClient.Reply added = post("/api/v1/connectors", LEAKY);
        assertThat(added.status()).isEqualTo(400);
        assertThat(added.json().get("valid").asBoolean()).isFalse();
        assertThat(added.json().get("problems")).hasSize(7);

        assertThat(gateway.get("/api/v1/connectors/leaky-orders", Tokens.ADMIN).status()).isEqualTo(404);
        GatewayClient.Reply all = gateway.get("/api/v1/connectors", Tokens.ADMIN);
        for (String secret : SECRETS) {
            assertThat(validated.body()).doesNotContain(secret);
            assertThat(added.body()).doesNotContain(secret);
            assertThat(all.body()).doesNotContain(secret);
        }
    }

    @Test
    void theSameDefinitionWithItsCredentialFromTheEnvironmentIsAccepted() {
        GatewayClient.Reply added = post("/api/v1/connectors", """
            id: clean-orders
            type: http-pull
            schedule: 1h
            settings:
              base_url: https://api.partner.example
              auth: api_key
              auth_token_name: Cookie
              auth_token: ${env:PARTNER_COOKIE}
              headers: Accept=application/json
              params: method=orders.get, app_key=12345678
            """);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().at("/definition/settings/auth_token").asText()).isEqualTo("${env:PARTNER_COOKIE}");
        assertThat(added.body()).doesNotContain(COOKIE);
    }
}
