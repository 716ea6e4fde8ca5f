package dev.subsidy.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every endpoint the application maps, found in its request mappings, called by every kind of caller
 * (no token, an unknown token, a feeder of another connector, the feeder of the path's connector, the
 * reader, the administrator, and tokens in the URL), on its canonical path, with an id outside ASCII,
 * and on every non-canonical way of writing that path: each answer is the contract's
 * ({@link ApiContract}), and a refused call runs no handler and changes nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.security.feeder-tokens." + AccessMatrixIT.OTHER_CONNECTOR + "=" + AccessMatrixIT.OTHER_FEEDER_TOKEN
})
@Import(HandlerLog.Recording.class)
@ExtendWith(OutputCaptureExtension.class)
// Its own context, not SharedGateway's: it reads its own startup log, records every dispatch past the security
// chain (HandlerLog), and compares the whole database and home folder before and after refused calls, which no
// other test's connectors may touch meanwhile. Closed after the class, as no other test has this configuration.
@DirtiesContext
class AccessMatrixIT {

    static final String OTHER_CONNECTOR = "other-feed";
    static final String OTHER_FEEDER_TOKEN = "matrix-other-feeder-token";
    /** The connector the sample feed path names ({@code Endpoints}' sample for {@code {connectorId}}). */
    static final String OWN_CONNECTOR = "standard";

    private static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("gateway-access-matrix");
        registry.add("gateway.home", home::toString);
    }

    /** Who calls, and how the token travels. */
    enum Caller {
        NO_TOKEN(null, null, null, false),
        UNKNOWN_TOKEN("matrix-unknown-token", ApiContract.Role.UNKNOWN, null, false),
        FEEDER_OF_ANOTHER_CONNECTOR(OTHER_FEEDER_TOKEN, ApiContract.Role.FEEDER, OTHER_CONNECTOR, false),
        FEEDER_OF_THE_PATHS_CONNECTOR(Tokens.FEEDER, ApiContract.Role.FEEDER, OWN_CONNECTOR, false),
        READER(Tokens.READER, ApiContract.Role.READER, null, false),
        ADMIN(Tokens.ADMIN, ApiContract.Role.ADMIN, null, false),
        FEEDER_TOKEN_IN_URL(Tokens.FEEDER, ApiContract.Role.FEEDER, OWN_CONNECTOR, true),
        READER_TOKEN_IN_URL(Tokens.READER, ApiContract.Role.READER, null, true),
        ADMIN_TOKEN_IN_URL(Tokens.ADMIN, ApiContract.Role.ADMIN, null, true);

        final String token;
        final ApiContract.Role role;
        final String connector;
        final boolean inUrl;

        Caller(String token, ApiContract.Role role, String connector, boolean inUrl) {
            this.token = token;
            this.role = role;
            this.connector = connector;
            this.inUrl = inUrl;
        }
    }

    /** A body that would be stored if a refused call reached a handler (a feed post would keep this shipment). */
    private static final byte[] BODY = """
        [{"kind": "shipment", "carrier": "ZTO", "waybillNo": "MATRIX0000002", "collectedAt": "2026-10-03T18:00:00+08:00",
          "originRegion": "522633100", "destRegion": "440106"}]""".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    @Autowired
    HandlerLog log;

    @Autowired
    JdbcTemplate jdbc;

    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    private List<Endpoints.Endpoint> endpoints() {
        return Endpoints.of(mappings);
    }

    @Test
    void theEndpointsAreReadFromTheApplicationsMappings() {
        assertThat(endpoints()).extracting(Endpoints.Endpoint::toString).contains(
                "POST /api/v1/feeds/{connectorId}/records", "GET /api/v1/figures", "GET /api/v1/connectors",
                "POST /api/v1/periods/{period}/close", "GET /actuator/health", "GET /error");
        assertThat(endpoints()).hasSizeGreaterThan(25);
    }

    @Test
    void everyEndpointIsClassifiedByTheRuleTable() {
        AccessRules rules = new AccessRules();
        List<String> unclassified = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : endpoints()) {
            MockHttpServletRequest request = new MockHttpServletRequest(endpoint.method(), endpoint.samplePath());
            if (rules.ruleFor(request).isEmpty()) {
                unclassified.add(endpoint.toString());
            }
        }
        assertThat(unclassified).as("endpoints no row of AccessRules names: add a row for each").isEmpty();
    }

    @Test
    void theWalkAroundsOfTheIssueAreRefusedBeforeAnyHandler() {
        Map<String, String> before = StorageSnapshot.of(jdbc, home);
        for (String target : List.of("/%61pi/v1/connectors", "/api;/v1/deliveries/state", "/%61pi/v1/registry/subjects",
                "/api;/v1/periods/2026-10/close", "/api;/v1/feeds/standard/records")) {
            for (String method : List.of("GET", "POST", "PUT")) {
                log.reset();
                RawHttp.Reply reply = http.send(method, target, Map.of("Content-Type", "application/json"), BODY);
                assertThat(reply.status()).as(method + " " + target).isEqualTo(400);
                assertThat(errorBody(reply, 400)).contains("not in canonical form");
                assertThat(log.dispatches()).as("dispatches past the security chain").isZero();
            }
        }
        assertThat(StorageSnapshot.of(jdbc, home)).isEqualTo(before);
    }

    @Test
    void noGeneratedPasswordIsPrintedAndNoReplyOpensASession(CapturedOutput output) {
        RawHttp.Reply refused = http.send("GET", "/api/v1/connectors", Map.of(), null);
        RawHttp.Reply admitted = http.send("GET", "/api/v1/connectors", Map.of("Authorization", "Bearer " + Tokens.ADMIN), null);

        assertThat(admitted.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(admitted.header("Set-Cookie")).isNull();
        assertThat(output.getAll()).contains("Started").doesNotContain("generated security password")
                .doesNotContain(Tokens.ADMIN);
    }

    @Test
    void aMethodTheFirewallDoesNotTakeIsRefusedInJson() {
        RawHttp.Reply reply = http.send("TRACE", "/api/v1/connectors", Map.of("Authorization", "Bearer " + Tokens.ADMIN), null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errorBody(reply, 400)).contains("TRACE");
    }

    @Test
    void aNameInUtf8InAHeaderPassesTheFirewall() {
        // 李伟 in UTF-8 holds bytes 0x80-0x9F, which a container reads as C1 control characters
        RawHttp.Reply reply = http.send("PUT", "/api/v1/figures/entered", Map.of("Authorization", "Bearer " + Tokens.ADMIN,
                "Content-Type", "application/json", "X-Entered-By", "李伟"), "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAnswersEveryCallerAsTheContractSays() {
        return endpoints().stream().map(endpoint -> {
            List<DynamicNode> cases = new ArrayList<>();
            cases.add(contractCase(endpoint, "canonical path", endpoint.samplePath()));
            if (endpoint.hasVariables()) {
                cases.add(contractCase(endpoint, "id outside ASCII", endpoint.nonAsciiPath()));
            }
            for (PathVariants.Variant variant : PathVariants.nonCanonical(endpoint.samplePath())) {
                cases.add(firewallCase(endpoint, variant));
            }
            return DynamicContainer.dynamicContainer(endpoint.toString(), cases);
        });
    }

    private DynamicTest contractCase(Endpoints.Endpoint endpoint, String name, String path) {
        return DynamicTest.dynamicTest(name + " " + path, () -> {
            SoftAssertions soft = new SoftAssertions();
            String decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
            Map<Caller, Integer> expected = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                expected.put(caller, ApiContract.answer(endpoint.method(), decoded, caller.role, caller.connector, caller.inUrl));
            }
            // the refused calls first, so that what the admitted ones store does not blur the storage check
            Map<String, String> before = endpoint.mutating() ? StorageSnapshot.of(jdbc, home) : null;
            expected.forEach((caller, answer) -> {
                if (answer != ApiContract.LET_IN) {
                    RawHttp.Reply reply = call(endpoint, path, caller);
                    String what = caller + " " + endpoint.method() + " " + path;
                    soft.assertThat(reply.status()).as(what).isEqualTo(answer);
                    soft.assertThat(errorStatus(reply)).as(what + ": body " + reply.body()).isEqualTo(answer);
                    if (answer == 401) {
                        soft.assertThat(reply.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
                    }
                    soft.assertThat(log.dispatches()).as(what + ": dispatches past the security chain").isZero();
                    soft.assertThat(log.handlers()).as(what + ": handlers run").isEmpty();
                }
            });
            if (before != null) {
                soft.assertThat(StorageSnapshot.of(jdbc, home)).as("storage after the refused calls").isEqualTo(before);
            }
            expected.forEach((caller, answer) -> {
                if (answer == ApiContract.LET_IN) {
                    RawHttp.Reply reply = call(endpoint, path, caller);
                    String what = caller + " " + endpoint.method() + " " + path + " (" + reply.status() + " " + reply.body() + ")";
                    // the handler's own answer (a 400 for a sample value it does not take is fine), never a refusal
                    soft.assertThat(reply.status()).as(what).isNotIn(401, 403).isLessThan(500);
                    soft.assertThat(log.dispatches()).as(what + ": dispatched").isPositive();
                    if (endpoint.intercepted()) {
                        soft.assertThat(log.handlerMethods()).as(what + ": the endpoint's handler ran first")
                                .isNotEmpty()
                                .first().isIn(endpoint.handlers());
                    }
                }
            });
            soft.assertAll();
        });
    }

    private DynamicTest firewallCase(Endpoints.Endpoint endpoint, PathVariants.Variant variant) {
        return DynamicTest.dynamicTest(variant.name() + " " + variant.target(), () -> {
            SoftAssertions soft = new SoftAssertions();
            Map<String, String> before = endpoint.mutating() ? StorageSnapshot.of(jdbc, home) : null;
            for (Caller caller : Caller.values()) {
                RawHttp.Reply reply = call(endpoint, variant.target(), caller);
                String what = caller + " " + endpoint.method() + " " + variant.target();
                soft.assertThat(reply.status()).as(what + " " + reply.body()).isEqualTo(400);
                soft.assertThat(errorStatus(reply)).as(what + ": body " + reply.body()).isEqualTo(400);
                soft.assertThat(reply.header("Content-Type")).as(what).startsWith("application/json");
                soft.assertThat(log.dispatches()).as(what + ": dispatches past the security chain").isZero();
                soft.assertThat(log.handlers()).as(what + ": handlers run").isEmpty();
            }
            if (before != null) {
                soft.assertThat(StorageSnapshot.of(jdbc, home)).as("storage after the refused calls").isEqualTo(before);
            }
            soft.assertAll();
        });
    }

    private RawHttp.Reply call(Endpoints.Endpoint endpoint, String path, Caller caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", endpoint.accept());
        String target = path;
        if (caller.token != null && caller.inUrl) {
            target = path + "?access_token=" + caller.token;
        } else if (caller.token != null) {
            headers.put("Authorization", "Bearer " + caller.token);
        }
        byte[] body = null;
        if (endpoint.mutating()) {
            headers.put("Content-Type", "application/json");
            body = BODY;
        }
        log.reset();
        return http.send(endpoint.method(), target, headers, body);
    }

    /** The {@code status} of an error body {@code {"status": n, "error": "reason"}} with a reason, or -1. */
    private int errorStatus(RawHttp.Reply reply) {
        try {
            JsonNode body = json.readTree(reply.body());
            boolean shaped = body != null && body.size() == 2 && body.path("error").isTextual()
                    && !body.path("error").asText().isBlank();
            return shaped ? body.path("status").asInt(-1) : -1;
        } catch (IOException notJson) {
            return -1;
        }
    }

    private String errorBody(RawHttp.Reply reply, int status) {
        assertThat(errorStatus(reply)).as("error body " + reply.body()).isEqualTo(status);
        return reply.body();
    }
}
