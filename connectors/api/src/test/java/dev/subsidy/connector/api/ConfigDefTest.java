package dev.subsidy.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.api.ConfigDef.ValueCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefTest {

    static final ConfigDef DEF = ConfigDef.builder()
            .define(Setting.required("base_url", Type.URL, "partner gateway"))
            .define(Setting.optional("page_size", Type.INT, "100", "items per page").check(ValueCheck.between(1, 100)))
            .define(Setting.optional("window", Type.DURATION, "30m", "largest time window"))
            .define(Setting.optional("use_has_next", Type.BOOLEAN, "true", ""))
            .define(Setting.optional("sign_method", Type.STRING, "md5", "").oneOf("md5", "hmac"))
            .define(Setting.optional("carriers", Type.LIST, null, "carrier codes"))
            .define(Setting.required("app_secret", Type.STRING, "from the environment").secret())
            .define(Setting.optional("retries", Type.LONG, null, "").secret())
            .build();

    @Test
    void returnsEveryProblemAtOnceInsteadOfStoppingAtTheFirst() {
        List<ConfigProblem> problems = DEF.validate(Map.of(
                "base_url", "ftp://files.example.com",
                "page_size", "500",
                "window", "half an hour",
                "use_has_next", "yes",
                "sign_method", "sha1",
                "pagesize", "10"));

        assertThat(problems).extracting(ConfigProblem::setting)
                .containsExactly("base_url", "page_size", "window", "use_has_next", "sign_method", "app_secret", "pagesize");
        assertThat(problems.get(0).message()).contains("not an http(s) URL");
        assertThat(problems.get(1).message()).isEqualTo("must be between 1 and 100");
        assertThat(problems.get(4).message()).contains("[md5, hmac]");
        assertThat(problems.get(5).message()).startsWith("required");
        assertThat(problems.get(6).message()).isEqualTo("unknown setting (did you mean 'page_size'?)");
    }

    @Test
    void validSettingsHaveNoProblemAndDefaultsApply() {
        Map<String, String> values = Map.of("base_url", "https://gw.example.com/router", "app_secret", "s3cr3t", "carriers", "ZTO, SF,,");

        assertThat(DEF.validate(values)).isEmpty();
        ConnectorConfig config = DEF.parse(values);
        assertThat(config.getUrl("base_url")).isEqualTo(URI.create("https://gw.example.com/router"));
        assertThat(config.getInt("page_size")).isEqualTo(100);
        assertThat(config.getDuration("window")).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.getBoolean("use_has_next")).isTrue();
        assertThat(config.getList("carriers")).containsExactly("ZTO", "SF");
        assertThat(config.secret("app_secret")).get().extracting(Secret::reveal).isEqualTo("s3cr3t");
        assertThat(config.secret("retries")).isEmpty();
    }

    @Test
    void durationsReadIsoAndShortForms() {
        assertThat(ConfigDef.parseDuration("PT10M")).contains(Duration.ofMinutes(10));
        assertThat(ConfigDef.parseDuration("500ms")).contains(Duration.ofMillis(500));
        assertThat(ConfigDef.parseDuration("1d")).contains(Duration.ofDays(1));
        assertThat(ConfigDef.parseDuration("ten minutes")).isEmpty();
    }

    @Test
    void aSecretValueNeverAppearsInAProblemNorInToString() {
        ConfigDef def = ConfigDef.builder().define(Setting.required("token_ttl", Type.INT, "").secret()).build();

        List<ConfigProblem> problems = def.validate(Map.of("token_ttl", "hunter2"));

        assertThat(problems).singleElement().extracting(ConfigProblem::message).isEqualTo("not an integer");
        ConnectorConfig config = DEF.parse(Map.of("base_url", "https://a.example.com", "app_secret", "hunter2"));
        assertThat(config.toString()).doesNotContain("hunter2").contains("app_secret=****").contains("base_url=https://a.example.com");
        assertThat(Secret.of("hunter2")).hasToString("****");
    }

    @Test
    void secretsAreReadOnlyAsSecretsAndTyposFailLoudly() {
        ConnectorConfig config = DEF.parse(Map.of("base_url", "https://a.example.com", "app_secret", "x"));

        assertThatThrownBy(() -> config.getString("app_secret")).hasMessageContaining("is secret");
        assertThatThrownBy(() -> config.secret("base_url")).hasMessageContaining("not secret");
        assertThatThrownBy(() -> config.getString("base-url")).hasMessageContaining("no setting named 'base-url'");
        assertThat(config.find("carriers")).isEmpty();
    }

    @Test
    void parseRefusesInvalidSettingsListingThemAll() {
        assertThatThrownBy(() -> DEF.parse(Map.of("page_size", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base_url: required")
                .hasMessageContaining("page_size: must be between 1 and 100")
                .hasMessageContaining("app_secret: required");
    }

    @Test
    void aDescriptorRejectsItsOwnMistakes() {
        assertThatThrownBy(() -> ConfigDef.builder().define(Setting.required("a", Type.STRING, "")).define(Setting.required("a", Type.INT, "")))
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> Setting.optional("n", Type.INT, "many", ""))
                .hasMessageContaining("default of setting 'n' is invalid");
    }

    @Test
    void aDurationLiesBetweenZeroAndAMonthUnlessItsSettingSaysOtherwise() {
        ConfigDef def = ConfigDef.builder()
                .define(Setting.optional("wait", Type.DURATION, "1s", ""))
                .define(Setting.optional("window", Type.DURATION, "1h", "").between(Duration.ofSeconds(1), Duration.ofDays(1)))
                .define(Setting.optional("hidden_wait", Type.DURATION, null, "").secret())
                .build();

        assertThat(def.validate(Map.of("wait", "31d", "window", "1s"))).isEmpty();
        assertThat(def.validate(Map.of("wait", "0s", "window", "24h"))).isEmpty();
        assertThat(def.validate(Map.of("wait", "99999999999d", "window", "500ms", "hidden_wait", "-PT1S")))
                .extracting(ConfigProblem::toString).containsExactly(
                        "wait: longer than 31d, the most this setting takes: '99999999999d'",
                        "window: shorter than 1s, the least this setting takes: '500ms'",
                        "hidden_wait: must not be negative");
        assertThat(def.validate(Map.of("wait", "PT-5M", "window", "25h"))).extracting(ConfigProblem::toString)
                .containsExactly("wait: must not be negative: 'PT-5M'",
                        "window: longer than 1d, the most this setting takes: '25h'");
        assertThat(def.setting("window").orElseThrow().maxDuration()).isEqualTo(Duration.ofDays(1));
        assertThat(def.setting("wait").orElseThrow().minDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aDurationTooLongForJavaToHoldIsAProblemNotAnOverflow() {
        ConfigDef def = ConfigDef.builder().define(Setting.optional("wait", Type.DURATION, "1s", "")).build();

        assertThat(def.validate(Map.of("wait", "99999999999999999999d"))).extracting(ConfigProblem::message)
                .containsExactly("not a duration Java can hold (longer than any setting takes): '99999999999999999999d'");
        assertThat(def.validate(Map.of("wait", "106751991167301d"))).extracting(ConfigProblem::message)
                .containsExactly("not a duration Java can hold (longer than any setting takes): '106751991167301d'");
        assertThat(def.validate(Map.of("wait", "PT99999999999999999999H"))).hasSize(1);
        assertThat(ConfigDef.duration("99999999999999999999d")).isEmpty();
        assertThat(ConfigDef.duration("90m")).contains(Duration.ofMinutes(90));
        assertThat(ConfigDef.duration(null)).isEmpty();
    }

    @Test
    void aUrlWithUserInfoIsRefusedWithoutRepeatingIt() {
        List<ConfigProblem> problems = DEF.validate(Map.of("base_url", "https://feeder:hunter2@gw.example.com/api",
                "app_secret", "x"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("base_url");
            assertThat(p.message()).startsWith("URL with user-info (user:password@ before the host)").doesNotContain("hunter2");
        });
        assertThat(DEF.validate(Map.of("base_url", "https://token@gw.example.com", "app_secret", "x"))).hasSize(1);
        assertThat(DEF.validate(Map.of("base_url", "ftp://u:hunter2@gw.example.com", "app_secret", "x")))
                .singleElement().extracting(ConfigProblem::message).asString().doesNotContain("hunter2");
        assertThat(DEF.validate(Map.of("base_url", "https://gw.example.com/a@b", "app_secret", "x"))).isEmpty();
    }

    @Test
    void namedValuesAreMarkedAndReadAsTheirTypeSendsThem() {
        Setting headers = Setting.optional("headers", Type.LIST, null, "").namedValues(ConfigDef.NamedValues.PAIRS);
        assertThat(headers.namedValues()).contains(ConfigDef.NamedValues.PAIRS);
        assertThat(Setting.optional("path", Type.STRING, null, "").namedValues()).isEmpty();
        assertThat(ConfigDef.NamedValues.pairs("method=taobao.trades.get, fields=tid,modified,payment, Accept = application/json"))
                .containsExactly(Map.entry("method", "taobao.trades.get"), Map.entry("fields", "tid,modified,payment"),
                        Map.entry("Accept", "application/json"));
        assertThatThrownBy(() -> Setting.optional("h", Type.STRING, null, "").namedValues(ConfigDef.NamedValues.PAIRS))
                .hasMessageContaining("name=value pairs are a LIST");
        assertThatThrownBy(() -> Setting.optional("n", Type.INT, null, "").between(Duration.ZERO, Duration.ofDays(1)))
                .hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Setting.optional("d", Type.DURATION, "2d", "").between(Duration.ZERO, Duration.ofDays(1)))
                .hasMessageContaining("default of setting 'd' is invalid");
    }
}
