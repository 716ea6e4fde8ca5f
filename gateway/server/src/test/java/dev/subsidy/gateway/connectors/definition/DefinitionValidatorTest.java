package dev.subsidy.gateway.connectors.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import dev.subsidy.gateway.connectors.http.HostAllowList;
import dev.subsidy.gateway.connectors.mapping.StandardRecordMapper;
import dev.subsidy.connector.api.ConnectorKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Validation against the types on the test class path: the built-in http-push, http-pull and file, and
 * the test-only test-pull.
 */
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
        assertThat(v.validate(r.definition())).extracting(DefinitionProblem::toString).containsExactly(
                "settings.base_url: host '10.0.0.8' is not in gateway.connectors.allowed-hosts (allowed: .partner.example)");
    }
}
