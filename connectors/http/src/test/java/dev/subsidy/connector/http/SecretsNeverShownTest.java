package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.connector.testkit.TestConnectorContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No secret appears in a log line (at every level, DEBUG included), an exception message, a
 * checkpoint, a {@code toString()} of the connector, its settings or its requests, whatever the
 * authentication, through retries and failures. Each case first checks that the secret was really
 * sent, so the test cannot pass by not using it.
 */
class SecretsNeverShownTest {

    private static final String PASSWORD = "BASIC-PASSWORD-4b8e0f";
    private static final String TOKEN = "TOKEN-SECRET-9a2d71";
    private static final String SIGNER_SECRET = "SIGNER-SECRET-c03e5b";

    @RegisterExtension
    final Partner partner = new Partner();

    /** Held strongly: JUL keeps loggers weakly, and a collected logger would lose its level. */
    private final Logger connectorLogs = Logger.getLogger("dev.subsidy.connector");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureEveryLevel() {
        previousLevel = connectorLogs.getLevel();
        connectorLogs.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        connectorLogs.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        connectorLogs.removeHandler(capture);
        connectorLogs.setLevel(previousLevel);
    }

    private Map<String, String> settings(String auth) {
        Map<String, String> s = new HashMap<>();
        s.put("base_url", partner.baseUrl());
        s.put("path", "/orders");
        s.put("records_path", "/orders");
        s.put("pagination", "page_number");
        s.put("page_size", "1");
        s.put("auth", auth);
        switch (auth) {
            case "basic" -> {
                s.put("auth_username", "county-a");
                s.put("auth_password", PASSWORD);
            }
            case "bearer" -> s.put("auth_token", TOKEN);
            case "api_key" -> {
                s.put("auth_token", TOKEN);
                s.put("auth_token_name", "app_key");
                s.put("auth_token_in", "query");
            }
            case "signer" -> {
                s.put("method", "POST");
                s.put("params_in", "form");
                s.put("params", "method=taobao.trades.sold.get, app_key=12345678, v=2.0");
                s.put("signer", "taobao-md5");
                s.put("signer_secret", SIGNER_SECRET);
                s.put("auth_token", TOKEN);
                s.put("auth_token_name", "session");
                s.put("signer_timestamp_param", "timestamp");
            }
            default -> { }
        }
        return s;
    }

    @ParameterizedTest(name = "auth {0}")
    @ValueSource(strings = {"basic", "bearer", "api_key", "signer"})
    void secretsAppearNowhereButOnTheWire(String auth) throws Exception {
        // one good page, then a 503 that is retried, then a refusal
        partner.stub(any(urlPathEqualTo("/orders")).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"orders\":[{\"id\":\"o1\"}]}")).willSetStateTo("busy"));
        partner.stub(any(urlPathEqualTo("/orders")).inScenario("s").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("refused"));
        partner.stub(any(urlPathEqualTo("/orders")).inScenario("s").whenScenarioStateIs("refused")
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"bad credentials\"}")));
        Map<String, String> settings = settings(auth);
        TestConnectorContext context = TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(settings)
                .clock(TestClock.at(Instant.parse("2026-03-02T04:00:00Z"))).build();
        PullConnector connector = (PullConnector) new HttpPullProvider().create();
        connector.start(context);

        List<String> shown = new ArrayList<>();
        RecordBatch first = connector.poll(Checkpoint.NONE);
        shown.add(first.checkpoint().toString());
        first.records().forEach(r -> shown.add(r.toString()));
        try {
            connector.poll(first.checkpoint());
        } catch (ConnectorException e) {
            assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
            for (Throwable t = e; t != null; t = t.getCause()) {
                shown.add(t.toString());
            }
        }
        connector.stop();
        shown.add(connector.toString());
        shown.add(context.config().toString());
        context.exchanges().forEach(x -> shown.add(x.call().toString()));
        SimpleFormatter formatter = new SimpleFormatter();
        logged.forEach(r -> shown.add(formatter.format(r)));

        String sent = partner.requests().stream().map(r -> r.getUrl() + " " + r.getHeaders() + " " + r.getBodyAsString())
                .reduce("", String::concat);
        List<String> secrets = new ArrayList<>();
        switch (auth) {
            case "basic" -> {
                secrets.add(PASSWORD);
                secrets.add(Base64.getEncoder().encodeToString(("county-a:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            case "signer" -> {
                secrets.add(SIGNER_SECRET);
                secrets.add(TOKEN);
            }
            default -> secrets.add(TOKEN);
        }
        assertThat(sent).as("the credential was sent").contains(auth.equals("signer") ? TOKEN : secrets.get(secrets.size() - 1));
        assertThat(logged).as("the calls and the retry were logged").isNotEmpty();
        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(secrets.toArray(String[]::new)));
    }
}
