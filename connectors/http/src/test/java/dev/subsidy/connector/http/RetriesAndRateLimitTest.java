package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.connector.testkit.TestConnectorContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retries with exponential backoff, {@code Retry-After}, partner error codes, and the instance's rate limit. */
class RetriesAndRateLimitTest {

    private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");
    private static final String OK = "{\"items\":[{\"id\":\"a\"}]}";

    @RegisterExtension
    final Partner partner = new Partner();

    private final TestClock clock = TestClock.at(NOW);
    private final List<Connector> started = new ArrayList<>();
    private TestConnectorContext context;

    @AfterEach
    void stop() {
        started.forEach(Connector::stop);
    }

    private Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("base_url", partner.baseUrl());
        s.put("path", "/items");
        s.put("records_path", "/items");
        s.put("error_code_path", "/error/code");
        s.put("error_message_path", "/error/msg");
        s.put("rate_limited_codes", "7, S221");
        s.put("unauthorized_codes", "25, S211");
        s.put("transient_codes", "isp.timeout");
        return s;
    }

    private PullConnector start(Map<String, String> settings) throws Exception {
        context = TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(settings).clock(clock).build();
        PullConnector c = (PullConnector) new HttpPullProvider().create();
        started.add(c);
        c.start(context);
        return c;
    }

    /** Replies in order, then the last one for ever. */
    private void replies(ResponseDefinitionBuilder... replies) {
        for (int i = 0; i < replies.length; i++) {
            String state = i == 0 ? STARTED : "reply " + i;
            var mapping = get(urlPathEqualTo("/items")).inScenario("replies").whenScenarioStateIs(state).willReturn(replies[i]);
            partner.stub(i < replies.length - 1 ? mapping.willSetStateTo("reply " + (i + 1)) : mapping);
        }
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() throws Exception {
        replies(aResponse().withStatus(429).withHeader("Retry-After", "7"), ok());
        PullConnector connector = start(settings());

        RecordBatch batch = connector.poll(Checkpoint.NONE);

        assertThat(batch.records()).hasSize(1);
        assertThat(context.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(context.exchanges()).extracting(TestConnectorContext.Exchange::at).containsExactly(NOW, NOW.plusSeconds(7));
    }

    /** JD JOS: gateway errors in error_response, business errors as apiResult.success false inside the reply. */
    private Map<String, String> josSettings() {
        Map<String, String> s = settings();
        s.put("records_path", "/r/result/items");
        s.put("error_code_path", "/error_response/code, /r/result/apiResult/success");
        s.put("error_message_path", "/error_response/zh_desc, /r/result/apiResult/chineseErrCode");
        s.put("success_codes", "true");
        s.put("unauthorized_codes", "12, 19");
        return s;
    }

    @Test
    void theFirstErrorCodePathHoldingAValueDecides() throws Exception {
        replies(aResponse().withStatus(200).withBody("{\"error_response\":{\"code\":\"12\",\"zh_desc\":\"无效签名\",\"en_desc\":\"Invalid Signature\"}}"));
        PullConnector connector = start(josSettings());

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("partner error code 12: 无效签名");
    }

    @Test
    void aBusinessErrorInsideTheReplyIsNotAnEmptyPage() throws Exception {
        replies(aResponse().withStatus(200).withBody("{\"r\":{\"code\":\"0\",\"result\":{\"apiResult\":"
                + "{\"success\":false,\"chineseErrCode\":\"每页条数不能超过100\"}}}}"));
        PullConnector connector = start(josSettings());

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(Reason.FATAL);
        assertThat(e.getMessage()).contains("partner error code false: 每页条数不能超过100");
    }

    @Test
    void aSuccessCodeAtTheSecondPathReadsThePage() throws Exception {
        replies(aResponse().withStatus(200).withBody("{\"r\":{\"code\":\"0\",\"result\":{\"apiResult\":{\"success\":true},"
                + "\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]}}}"));
        PullConnector connector = start(josSettings());

        assertThat(connector.poll(Checkpoint.NONE).records()).hasSize(2);
    }

    @Test
    void a503WithAnHttpDateRetryAfterIsHonoured() throws Exception {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(20).atOffset(ZoneOffset.UTC));
        replies(aResponse().withStatus(503).withHeader("Retry-After", at), ok());
        PullConnector connector = start(settings());

        connector.poll(Checkpoint.NONE);

        assertThat(context.sleeps()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void serverErrorsBackOffExponentially() throws Exception {
        replies(aResponse().withStatus(500), aResponse().withStatus(502), aResponse().withStatus(504), ok());
        Map<String, String> settings = settings();
        settings.put("retry_max_attempts", "4");
        settings.put("retry_initial_backoff", "2s");
        settings.put("retry_backoff_multiplier", "3");
        PullConnector connector = start(settings);

        assertThat(connector.poll(Checkpoint.NONE).records()).hasSize(1);
        assertThat(context.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(18));
    }

    @Test
    void retriesStopAfterTheLastAttemptWithTheLastFailure() throws Exception {
        replies(aResponse().withStatus(500));
        PullConnector connector = start(settings());

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(Reason.TRANSIENT);
        assertThat(context.exchanges()).hasSize(3);
        assertThat(context.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheMaxWaitIsHandedToTheGatewayAtOnce() throws Exception {
        replies(aResponse().withStatus(429).withHeader("Retry-After", "3600"), ok());
        PullConnector connector = start(settings());

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(context.sleeps()).isEmpty();
        assertThat(context.exchanges()).hasSize(1);
    }

    @ParameterizedTest(name = "code {0} -> {1}")
    @CsvSource({
            "7,           RATE_LIMITED, 3",
            "S221,        RATE_LIMITED, 3",
            "isp.timeout, TRANSIENT,    3",
            "25,          UNAUTHORIZED, 1",
            "S211,        UNAUTHORIZED, 1",
            "15,          FATAL,        1"})
    void partnerErrorCodesInA200BodyMapToReasons(String code, Reason reason, int calls) throws Exception {
        replies(aResponse().withStatus(200).withBody("{\"error\":{\"code\":\"" + code + "\",\"msg\":\"Remote service error\"}}"));
        PullConnector connector = start(settings());

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).contains("partner error code " + code, "Remote service error");
        assertThat(context.exchanges()).as("only rate limits and transient failures are retried").hasSize(calls);
    }

    @Test
    void successCodesAreNotErrors() throws Exception {
        replies(aResponse().withStatus(200).withBody("{\"error\":{\"code\":\"10000\"},\"items\":[{\"id\":\"a\"}]}"));
        Map<String, String> settings = settings();
        settings.put("success_codes", "0, 10000");
        PullConnector connector = start(settings);

        assertThat(connector.poll(Checkpoint.NONE).records()).hasSize(1);
    }

    @Test
    void aWrongPathIsAConfigurationError() throws Exception {
        replies(aResponse().withStatus(404));
        PullConnector connector = start(settings());

        assertThat(catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class).reason())
                .isEqualTo(Reason.CONFIGURATION);
    }

    @Test
    void aPartnerThatCannotBeReachedIsTransient() throws Exception {
        Map<String, String> settings = settings();
        settings.put("base_url", "http://127.0.0.1:1");
        settings.put("retry_max_attempts", "2");
        PullConnector connector = start(settings);

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(Reason.TRANSIENT);
        assertThat(e.getMessage()).startsWith("no reply from 127.0.0.1");
    }

    @Test
    void theRateLimitSpacesTheCallsOfOneInstance() throws Exception {
        replies(ok());
        Map<String, String> settings = settings();
        settings.put("rate_limit", "1");
        settings.put("rate_limit_period", "1h");
        settings.put("retry_max_wait", "3h");
        PullConnector connector = start(settings);

        for (int i = 0; i < 3; i++) {
            connector.poll(Checkpoint.NONE);
        }

        assertThat(context.sleeps()).hasSize(2);
        assertThat(context.sleeps().get(0)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        assertThat(context.sleeps().get(1)).isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
    }

    @Test
    void aPermitFurtherAwayThanTheMaxWaitEndsThePollAsRateLimited() throws Exception {
        replies(ok());
        Map<String, String> settings = settings();
        settings.put("rate_limit", "1");
        settings.put("rate_limit_period", "1h");
        PullConnector connector = start(settings);
        connector.poll(Checkpoint.NONE);

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(context.exchanges()).hasSize(1);
    }

    @Test
    void eachInstanceHasItsOwnRateLimit() throws Exception {
        replies(ok());
        Map<String, String> settings = settings();
        settings.put("rate_limit", "1");
        settings.put("rate_limit_period", "1h");
        PullConnector one = start(settings);
        TestConnectorContext first = context;
        PullConnector two = start(settings);

        one.poll(Checkpoint.NONE);
        two.poll(Checkpoint.NONE);

        assertThat(first.sleeps()).isEmpty();
        assertThat(context.sleeps()).isEmpty();
    }

    @Test
    void aStopDuringAWaitEndsThePollWithoutAnotherCall() throws Exception {
        replies(aResponse().withStatus(503).withHeader("Retry-After", "30"), ok());
        PullConnector connector = (PullConnector) new HttpPullProvider().create();
        started.add(connector);
        context = TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(settings()).clock(clock)
                .onSleep(d -> connector.stop()).build();
        connector.start(context);

        assertThat(catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), InterruptedException.class)).isNotNull();
        assertThat(context.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(context.exchanges()).hasSize(1);
    }
}
