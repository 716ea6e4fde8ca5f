package dev.subsidy.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document describes the API the gateway really serves: every method and path of the
 * application's request mappings under {@code /api}, and nothing else; it and Swagger UI are the
 * administrator's.
 */
class OpenApiIT extends SharedGateway {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentListsEveryApiEndpointAndNothingElse() {
        GatewayClient.Reply document = new GatewayClient(port).get("/v3/api-docs", Tokens.ADMIN);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(document.json().get("openapi").asText()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.json().get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }

        assertThat(documented).isEqualTo(served()).contains("POST /api/v1/feeds/{connectorId}/records",
                "GET /api/v1/connectors", "POST /api/v1/periods/{period}/close");
    }

    @Test
    void theDocumentAndSwaggerUiAreTheAdministratorsOnly() {
        GatewayClient gateway = new GatewayClient(port);
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui/index.html"}) {
            assertThat(gateway.get(path, null).status()).as(path).isEqualTo(401);
            GatewayClient.Reply reader = gateway.get(path, Tokens.READER);
            assertThat(reader.status()).as(path).isEqualTo(403);
            assertThat(reader.json().get("status").asInt()).isEqualTo(403);
            assertThat(gateway.get(path, Tokens.FEEDER).status()).as(path).isEqualTo(403);
        }
        GatewayClient.Reply ui = gateway.get("/swagger-ui/index.html", Tokens.ADMIN);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    /** Every method and path the controllers serve under /api (a mapping for any method counts as each). */
    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    served.add(method.name() + " " + pattern);
                }
            }
        }
        return served;
    }
}
