package dev.subsidy.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.testkit.TestConnectorContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider: found by name, and validation that reports every problem at once. */
class HttpPullProviderTest {

    private final HttpPullProvider provider = new HttpPullProvider();

    @Test
    void isFoundByServiceLoaderAsAPullType() {
        ConnectorProvider found = ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("http-pull")).findFirst().orElseThrow();
        assertThat(found.kind()).isEqualTo(ConnectorKind.PULL);
        assertThat(found.create()).isInstanceOf(PullConnector.class);
    }

    @Test
    void aCompleteTaobaoDefinitionIsValid() {
        assertThat(provider.validate(TaobaoIncrementContractTest.topSettings("https://gw.api.taobao.com", Instant.now()))).isEmpty();
    }

    @Test
    void aMinimalDefinitionIsValid() {
        assertThat(provider.validate(Map.of("base_url", "https://partner.example.com/api"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> s = new HashMap<>();
        s.put("params_in", "json");                       // needs POST
        s.put("auth", "basic");                           // needs auth_username and auth_password
        s.put("pagination", "cursor");                    // needs next_cursor_path
        s.put("page_order", "backward");                  // needs page_number, windows, a total
        s.put("records_path", "data/orders");             // not a JSON Pointer
        s.put("params", "v=2.0, =oops");                  // an item without a name
        s.put("window_end_param", "end_modified");        // without window_start_param
        s.put("page_size", "0");                          // out of range
        s.put("retry_backoff_multiplier", "0.5");         // below 1
        s.put("Page-Size", "50");                         // the wrong spelling of page_size

        List<ConfigProblem> problems = provider.validate(s);

        assertThat(problems).extracting(ConfigProblem::setting).contains(
                "base_url", "params_in", "auth_username", "auth_password", "next_cursor_path", "page_order", "total_path",
                "records_path", "params", "window_end_param", "page_size", "retry_backoff_multiplier", "Page-Size");
        assertThat(problems).filteredOn(p -> p.setting().equals("Page-Size")).extracting(ConfigProblem::message)
                .containsExactly("unknown setting (did you mean 'page_size'?)");
        assertThat(problems).filteredOn(p -> p.setting().equals("page_order")).hasSize(2);
    }

    @Test
    void aJsonParamBaseMustBeAnObjectAndNeedsItsParameter() {
        assertThat(provider.validate(Map.of("base_url", "https://x.example.com", "json_param_base", "[1]")))
                .extracting(ConfigProblem::setting).containsExactlyInAnyOrder("json_param_base", "json_param_base");
        assertThat(provider.validate(Map.of("base_url", "https://x.example.com", "json_param", "param_json",
                "json_param_base", "{\"order_by\": \"update_time\"}"))).isEmpty();
        assertThat(provider.validate(Map.of("base_url", "https://x.example.com", "json_param", "param_json",
                "json_param_base", "{oops"))).extracting(ConfigProblem::message).singleElement().asString().startsWith("not JSON");
    }

    @Test
    void aLookbackAsLongAsTheWindowIsRefused() {
        Map<String, String> s = new HashMap<>(Map.of("base_url", "https://partner.example.com",
                "window_start_param", "from", "window_end_param", "to", "window_start_at", "2026-03-01T00:00:00+08:00",
                "window_max", "30m", "window_lookback", "30m"));

        assertThat(provider.validate(s)).extracting(ConfigProblem::setting).containsExactly("window_lookback");
        s.put("window_start_at", "2026-03-01 00:00:00");
        assertThat(provider.validate(s)).extracting(ConfigProblem::setting).contains("window_start_at");
    }

    @Test
    void anAccessTokenForASignatureNeedsItsParameterName() {
        Map<String, String> s = new HashMap<>(TaobaoIncrementContractTest.topSettings("https://gw.api.taobao.com", Instant.now()));
        s.remove("auth_token_name");

        assertThat(provider.validate(s)).extracting(ConfigProblem::setting).containsExactly("auth_token_name");
    }

    @Test
    void secretValuesAreNeverRepeatedInProblems() {
        List<ConfigProblem> problems = provider.validate(Map.of("base_url", "https://x.example.com", "auth", "bearer",
                "auth_token", "t0ken-value", "auth_password", "pa55word"));
        assertThat(problems.toString()).doesNotContain("t0ken-value", "pa55word");
    }

    @Test
    void anUnknownSignerFailsAtStartAsAConfigurationError() {
        TestConnectorContext context = TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(Map.of(
                "base_url", "https://x.example.com", "auth", "signer", "signer", "no-such-signer", "signer_secret", "s")).build();

        ConnectorException e = catchThrowableOfType(() -> provider.create().start(context), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("no-such-signer", "taobao-md5");
    }

    @Test
    void aMissingSecretFailsAtStartNotAtTheFirstPoll() {
        TestConnectorContext context = TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF)
                .settings(Map.of("base_url", "https://x.example.com", "auth", "bearer")).build();

        ConnectorException e = catchThrowableOfType(() -> provider.create().start(context), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("auth_token");
    }

    @Test
    void durationsAndSizesStayWithinTheirBounds() {
        Map<String, String> s = new HashMap<>(Map.of("base_url", "https://partner.example.com",
                "window_start_param", "from", "window_end_param", "to", "window_start_at", "2026-03-01T00:00:00+08:00",
                "window_max", "99999999999d", "window_lookback", "8d", "window_delay", "2d"));
        s.put("retry_initial_backoff", "0s");
        s.put("retry_max_backoff", "2d");
        s.put("retry_max_wait", "PT-1S");
        s.put("rate_limit_period", "0s");
        s.put("retry_backoff_multiplier", "Infinity");
        s.put("page_size", "99999999999");

        List<ConfigProblem> problems = provider.validate(s);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "page_size: not an integer: '99999999999'",
                "window_max: longer than 31d, the most this setting takes: '99999999999d'",
                "window_lookback: longer than 7d, the most this setting takes: '8d'",
                "window_delay: longer than 1d, the most this setting takes: '2d'",
                "retry_initial_backoff: shorter than 10ms, the least this setting takes: '0s'",
                "retry_backoff_multiplier: must be at most 10",
                "retry_max_backoff: longer than 1d, the most this setting takes: '2d'",
                "retry_max_wait: must not be negative: 'PT-1S'",
                "rate_limit_period: shorter than 1ms, the least this setting takes: '0s'");
        assertThat(provider.validate(Map.of("base_url", "https://partner.example.com", "retry_backoff_multiplier", "NaN")))
                .extracting(ConfigProblem::message).containsExactly("must be at least 1");
    }

    @Test
    void theSettingsSentAsWrittenAreMarkedSoTheGatewayCanLookForCredentialsInThem() {
        assertThat(HttpPullSettings.CONFIG_DEF.settings()).filteredOn(setting -> setting.namedValues().isPresent())
                .extracting(setting -> setting.name() + ":" + setting.namedValues().orElseThrow())
                .containsExactlyInAnyOrder("params:PAIRS", "query:PAIRS", "headers:PAIRS", "signer_attributes:PAIRS",
                        "json_param_base:JSON_OBJECT");
        assertThat(HttpPullSettings.CONFIG_DEF.secretNames()).containsExactly("auth_password", "auth_token", "signer_secret");
    }

    @Test
    void aBaseUrlWithUserInfoIsRefusedWithoutRepeatingIt() {
        assertThat(provider.validate(Map.of("base_url", "https://shop:pa55word@partner.example.com")))
                .singleElement().satisfies(p -> {
                    assertThat(p.setting()).isEqualTo("base_url");
                    assertThat(p.message()).contains("user-info").doesNotContain("pa55word");
                });
    }
}
