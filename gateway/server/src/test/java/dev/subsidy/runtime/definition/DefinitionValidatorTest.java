package dev.subsidy.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.runtime.http.HostAllowList;
import dev.subsidy.runtime.mapping.StandardRecordMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Validation against the types on the test class path: the built-in http-push, http-pull and file, and
 * the test-only test-pull.
 */
// in the server's tests, not gateway/connectors: it validates against every connector type the gateway ships
class DefinitionValidatorTest {

    private static final Set<ConnectorKind> RUNNABLE = EnumSet.allOf(ConnectorKind.class);

    private final ConnectorRegistry registry = ConnectorRegistry.load(null, getClass().getClassLoader());
    private final Map<String, String> env = Map.of("SET_KEY", "value-of-key", "FEEDER", "feeder-token");
    private final DefinitionValidator validator = new DefinitionValidator(registry, new StandardRecordMapper(),
            new HostAllowList(List.of(".partner.example")), name -> Optional.ofNullable(env.get(name)), Duration.ofSeconds(1), RUNNABLE);

    @AfterEach
    void close() {
        registry.close();
    }

    private List<String> problems(String yaml) {
        DefinitionReader.Result r = new DefinitionReader().read(yaml);
        assertThat(r.problems()).isEmpty();
        return validator.validate(r.definition()).stream().map(DefinitionProblem::toString).toList();
    }

    @Test
    void aValidPullDefinitionHasNoProblem() {
        assertThat(problems("""
            id: a
            type: test-pull
            schedule: 5m
            settings: {base_url: "https://api.partner.example/v1", api_key: "${env:SET_KEY}"}
            """)).isEmpty();
    }

    @Test
    void aMissingRequiredSettingAndAScheduleBelowTheTick() {
        assertThat(problems("""
            id: a
            type: test-pull
            schedule: 10ms
            settings: {api_key: "${env:SET_KEY}"}
            """)).containsExactly(
                "settings.base_url: required (the test partner)",
                "schedule: shorter than gateway.connectors.tick (PT1S)");
    }

    @Test
    void aPushConnectorNeedsItsFeederTokenVariableSetAndNoSchedule() {
        assertThat(problems("""
            id: p
            type: http-push
            schedule: 5m
            """)).containsExactly(
                "feederTokenEnv: required for a push connector: the environment variable holding its feeder's token, such as P_FEEDER_TOKEN",
                "schedule: a push connector has no schedule: its partner sends");
        assertThat(problems("""
            id: p
            type: http-push
            feederTokenEnv: NOT_SET
            """)).containsExactly("feederTokenEnv: environment variable NOT_SET is not set");
        assertThat(problems("""
            id: p
            type: test-pull
            feederTokenEnv: FEEDER
            settings: {base_url: "https://api.partner.example/v1", api_key: "${env:SET_KEY}"}
            """)).containsExactly("feederTokenEnv: only push connectors have a feeder token; 'test-pull' is a pull connector");
    }

    @Test
    void anHttpPullDefinitionIsCheckedByItsTypeAndTheAllowList() {
        assertThat(problems("""
            id: parcels
            type: http-pull
            settings:
              base_url: https://api.partner.example
              auth: bearer
              auth_token: ${env:SET_KEY}
              pagination: page_number
              records_path: /data/items
            """)).isEmpty();
        assertThat(problems("""
            id: parcels
            type: http-pull
            settings:
              base_url: http://169.254.169.254/latest
              auth: bearer
              pagination: sideways
            """))
                .anyMatch(p -> p.startsWith("settings.pagination: must be one of"))
                .anyMatch(p -> p.startsWith("settings.base_url: host '169.254.169.254' is not in gateway.connectors.allowed-hosts"))
                .anyMatch(p -> p.startsWith("settings.auth_token: "));
    }

    @Test
    void aRateLimitIsGivenOnceWhenTheTypeLimitsItsOwnCalls() {
        assertThat(problems("""
            id: parcels
            type: http-pull
            rateLimit: 2
            settings: {base_url: "https://api.partner.example", rate_limit: 5}
            """)).containsExactly("rateLimit: give the rate limit once: 'http-pull' limits its own calls with "
                + "settings.rate_limit; two limits on the same calls would each wait for the other");
        assertThat(problems("""
            id: parcels
            type: http-pull
            rateLimit: 2
            settings: {base_url: "https://api.partner.example"}
            """)).isEmpty();
    }

    @Test
    void aFileDefinitionHasNoScheduleAndMappingParamsNeedAMapping() {
        assertThat(problems("""
            id: branch
            type: file
            settings: {quiet_period: 30s, encoding: GBK}
            """)).isEmpty();
        assertThat(problems("""
            id: branch
            type: file
            schedule: 1h
            mappingParams: {carrier: ZTO}
            settings: {quiet_period: soon}
            """)).containsExactlyInAnyOrder(
                "settings.quiet_period: not a duration (PT30M, 500ms, 30s, 10m, 1h, 1d): 'soon'",
                "mappingParams: only a mapping reads parameters, and this definition names none (records that already "
                        + "are standard pass as they are)",
                "schedule: a file connector has no schedule: it reads each file once it is complete (settings.quiet_period)");
    }

    @Test
    void aKindThisGatewayDoesNotRunIsRefusedRatherThanLeftIdle() {
        DefinitionValidator pullOnly = new DefinitionValidator(registry, new StandardRecordMapper(),
                new HostAllowList(List.of()), name -> Optional.ofNullable(env.get(name)), Duration.ofSeconds(1),
                EnumSet.of(ConnectorKind.PULL));
        DefinitionReader.Result r = new DefinitionReader().read("""
            id: p
            type: http-push
            feederTokenEnv: FEEDER
            """);
        assertThat(pullOnly.validate(r.definition())).extracting(DefinitionProblem::toString)
                .containsExactly("type: 'http-push' is a push connector, and this gateway runs no push connectors yet");
    }

    @Test
    void aUrlFromTheEnvironmentIsCheckedAgainstTheAllowListToo() {
        Map<String, String> withUrl = Map.of("SET_KEY", "k", "BASE", "http://10.0.0.8/internal");
        DefinitionValidator v = new DefinitionValidator(registry, new StandardRecordMapper(),
                new HostAllowList(List.of(".partner.example")), name -> Optional.ofNullable(withUrl.get(name)), Duration.ofSeconds(1), RUNNABLE);
        DefinitionReader.Result r = new DefinitionReader().read("""
            id: a
            type: test-pull
            settings: {base_url: "${env:BASE}", api_key: "${env:SET_KEY}"}
            """);
        // refused, and without reading the variable out: the host would be part of its value
        assertThat(v.validate(r.definition())).extracting(DefinitionProblem::toString).containsExactly(
                "settings.base_url: the value of environment variable BASE does not fit this setting (the reason is not"
                        + " shown: it would quote the variable's value)");
    }

    @Test
    void noProblemReadsAnEnvironmentVariableOut() {
        Map<String, String> secrets = Map.of("SET_KEY", "k", "AWARD_SECRET", "s3cr3t-award-value");
        DefinitionValidator v = new DefinitionValidator(registry, new StandardRecordMapper(),
                new HostAllowList(List.of(".partner.example")), name -> Optional.ofNullable(secrets.get(name)), Duration.ofSeconds(1), RUNNABLE);
        DefinitionReader.Result r = new DefinitionReader().read("""
            id: a
            type: http-pull
            settings:
              base_url: "${env:AWARD_SECRET}"
              path: /v1/parcels
              records_path: /data
              page_size: "${env:AWARD_SECRET}"
              api_key: "${env:SET_KEY}"
            """);
        List<String> problems = v.validate(r.definition()).stream().map(DefinitionProblem::toString).toList();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("s3cr3t").doesNotContain("award-value"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("settings.page_size: the value of environment variable AWARD_SECRET"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("settings.base_url: the value of environment variable AWARD_SECRET"));
    }

    private static final String WHERE = "a credential goes only in one of http-pull's secret settings "
            + "(auth_password, auth_token, signer_secret), as ${env:NAME}";

    @Test
    void aLiteralCredentialIsRefusedWhereverItHidesAndNeverRepeated() {
        List<String> problems = problems("""
            id: leaky
            type: http-pull
            settings:
              base_url: https://shop:pa55word@api.partner.example
              auth: bearer
              auth_token: t0ken-value
              headers: Authorization=Bearer t0ken-value, X-Api-Key=k3y-value, Accept=application/json
              query: access_token=t0ken-value
              params: method=orders.get, app_key=12345678, client_secret=s3cret-value
              signer_attributes: password=pa55word
              json_param: param_json
              json_param_base: '{"order_by": "update_time", "filter": {"session": "s3ssion-value"}}'
            """);

        assertThat(problems).containsExactly(
                "settings.auth_token: a secret must be a reference to the environment such as ${env:LEAKY_AUTH_TOKEN}, never a value",
                "settings.base_url: holds a URL with user-info (user:password@ before the host); " + WHERE,
                "settings.headers: 'Authorization' is a credential's name, and this setting is stored and shown as written; " + WHERE,
                "settings.headers: 'X-Api-Key' is a credential's name, and this setting is stored and shown as written; " + WHERE,
                "settings.query: 'access_token' is a credential's name, and this setting is stored and shown as written; " + WHERE,
                "settings.params: 'client_secret' is a credential's name, and this setting is stored and shown as written; " + WHERE,
                "settings.signer_attributes: 'password' is a credential's name, and this setting is stored and shown as written; " + WHERE,
                "settings.json_param_base: member 'filter.session' is a credential's name, and this setting is stored and shown as written; " + WHERE);
        assertThat(String.join("\n", problems)).doesNotContain("pa55word", "t0ken-value", "k3y-value", "s3cret-value", "s3ssion-value");
    }

    @Test
    void aCredentialUnderAnInnocentNameIsKnownByItsValue() {
        assertThat(problems("""
            id: innocent
            type: http-pull
            settings:
              base_url: https://api.partner.example
              headers: X-Custom=Basic dXNlcjpwYXNz
              params: callback=https://u:p@api.partner.example/cb, note=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl
              path: /v1/-----BEGIN RSA PRIVATE KEY-----
            """)).containsExactly(
                "settings.headers: the value of 'X-Custom' is an HTTP credential (Bearer, Basic …), and this setting is "
                        + "stored and shown as written; " + WHERE,
                "settings.params: holds a URL with user-info (user:password@ before the host); " + WHERE,
                "settings.path: holds a private key; " + WHERE);
        assertThat(problems("""
            id: innocent
            type: http-pull
            settings:
              base_url: https://api.partner.example
              query: note=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl
            """)).containsExactly("settings.query: holds a token (a JSON Web Token); " + WHERE);
    }

    @Test
    void thePartnersPublicIdentifiersAndPlainHeadersStayAllowed() {
        assertThat(problems("""
            id: top
            type: http-pull
            settings:
              base_url: https://api.partner.example
              params: method=taobao.trades.sold.increment.get, app_key=12345678, v=2.0, sign_method=md5, fields=tid,modified
              headers: Accept=application/json, User-Agent=subsidy-gateway
              query: client_id=4f1c2a9e8b7d4c6a, type=pdd.order.number.list.increment.get
              json_param: param_json
              json_param_base: '{"order_by": "update_time", "order_asc": true}'
            """)).isEmpty();
    }

    @Test
    void anEnvironmentReferenceInsideAValueWouldTravelAsTextAndIsRefused() {
        assertThat(problems("""
            id: inline
            type: http-pull
            settings:
              base_url: https://api.partner.example
              headers: X-Tenant=${env:SET_KEY}
            """)).containsExactly("settings.headers: only a whole value is read from the environment (${env:NAME} and "
                + "nothing else): here the reference would be used as text; " + WHERE);
    }

    @Test
    void aCredentialReadFromTheEnvironmentIntoAPlainSettingIsRefusedToo() {
        Map<String, String> variables = Map.of("HEADERS", "Authorization=Bearer from-env-token");
        DefinitionValidator v = new DefinitionValidator(registry, new StandardRecordMapper(),
                new HostAllowList(List.of(".partner.example")), name -> Optional.ofNullable(variables.get(name)), Duration.ofSeconds(1), RUNNABLE);
        DefinitionReader.Result r = new DefinitionReader().read("""
            id: a
            type: http-pull
            settings: {base_url: "https://api.partner.example", headers: "${env:HEADERS}"}
            """);
        assertThat(v.validate(r.definition())).extracting(DefinitionProblem::toString).containsExactly(
                "settings.headers: 'Authorization' is a credential's name, and this setting is stored and shown as written; " + WHERE);
    }

    @Test
    void mappingParametersHoldNoCredential() {
        List<String> problems = problems("""
            id: branch
            type: file
            mappingParams: {carrier: ZTO, token: abc, source: "https://u:p@files.example/x", note: "${env:SET_KEY}"}
            """);
        assertThat(problems).contains(
                "mappingParams.token: names a credential, and a mapping needs none: mapping parameters are stored and shown as written",
                "mappingParams.source: holds a URL with user-info (user:password@ before the host); a mapping needs none",
                "mappingParams.note: mapping parameters are never read from the environment: the reference would be "
                        + "used as text, and a mapping needs no credential");
    }

    @Test
    void durationsAndRatesOutOfTheirBoundsAreProblemsOfTheirField() {
        assertThat(problems("""
            id: slow
            type: http-pull
            settings:
              base_url: https://api.partner.example
              window_start_param: from
              window_end_param: to
              window_start_at: 2026-03-01T00:00:00+08:00
              window_max: 99999999999d
              retry_max_wait: 99999999999999999999d
            """)).containsExactly(
                "settings.window_max: longer than 31d, the most this setting takes: '99999999999d'",
                "settings.retry_max_wait: not a duration Java can hold (longer than any setting takes): '99999999999999999999d'");
        assertThat(problems("""
            id: branch
            type: file
            settings: {quiet_period: 99999999999d}
            """)).containsExactly("settings.quiet_period: longer than 31d, the most this setting takes: '99999999999d'");
    }
}
