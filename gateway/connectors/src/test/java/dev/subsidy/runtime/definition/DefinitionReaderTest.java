package dev.subsidy.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

    private final DefinitionReader reader = new DefinitionReader();

    @Test
    void readsYamlWithListsDurationsAndReferencesKeptAsWritten() {
        DefinitionReader.Result r = reader.read("""
            id: zto-county-a
            type: http-pull
            mapping: zto-trace
            schedule: 10m
            rateLimit: 2.5
            settings:
              base_url: https://japi.zto.com
              app_secret: ${env:ZTO_APP_SECRET}
              statuses: [COLLECTED, DELIVERED]
              page_size: 50
            """);
        assertThat(r.problems()).isEmpty();
        ConnectorDefinition d = r.definition();
        assertThat(d.schedule()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.rateLimit()).isEqualTo(2.5);
        assertThat(d.settings()).containsEntry("app_secret", "${env:ZTO_APP_SECRET}")
                .containsEntry("statuses", "COLLECTED,DELIVERED")
                .containsEntry("page_size", "50");
    }

    @Test
    void readsJsonToo() {
        DefinitionReader.Result r = reader.read("{\"id\": \"feeder-1\", \"type\": \"http-push\", \"feederTokenEnv\": \"FEEDER_1\"}");
        assertThat(r.ok()).isTrue();
        assertThat(r.definition().feederTokenEnv()).isEqualTo("FEEDER_1");
        assertThat(r.definition().effectiveMapping()).isNull();
    }

    @Test
    void everyStructuralProblemAtOnce() {
        DefinitionReader.Result r = reader.read("""
            id: standard
            schedule: -5m
            rateLimit: fast
            owner: me
            feederTokenEnv: 9LIVES
            settings:
              nested: {a: 1}
            """);
        assertThat(r.definition()).isNull();
        assertThat(r.problems()).extracting(DefinitionProblem::toString).containsExactlyInAnyOrder(
                "owner: unknown field (known: assembly, feederTokenEnv, id, mapping, mappingParams, rateLimit, schedule, settings, type)",
                "id: 'standard' is the built-in feed of standard records",
                "type: required",
                "settings.nested: must be a value or a list of values",
                "schedule: must be a positive duration (PT10M, 30s, 10m, 1h, 1d)",
                "rateLimit: must be a positive number of calls per second",
                "feederTokenEnv: must be the name of an environment variable, such as ZTO_FEEDER_TOKEN");
    }

    @Test
    void mappingParamsAreReadAsTextAndWrittenBackAsGiven() {
        DefinitionReader.Result r = reader.read("""
            id: yunda-branch
            type: file
            mapping: standard-csv
            mappingParams:
              carrier: 韵达
              max_rows: 500
            """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.definition().mappingParams()).containsExactly(entry("carrier", "韵达"), entry("max_rows", "500"));
        assertThat(new DefinitionWriter().toJson(r.definition()).get("mappingParams").toString())
                .isEqualTo("{\"carrier\":\"韵达\",\"max_rows\":\"500\"}");
        assertThat(reader.read(new DefinitionWriter().toText(r.definition())).definition()).isEqualTo(r.definition());

        assertThat(reader.read("""
            id: a
            type: file
            mappingParams: {nested: {no: 1}}
            """).problems()).extracting(DefinitionProblem::toString)
                .containsExactly("mappingParams.nested: must be a value or a list of values");
    }

    @Test
    void textThatIsNotAMapSaysWhere() {
        assertThat(reader.read("id: [unclosed").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML or JSON (line 1)"));
        assertThat(reader.read("- a list").problems()).extracting(DefinitionProblem::message)
                .containsExactly("must be a map with id, type and settings");
    }

    @Test
    void envReferencesAreTheWholeValue() {
        assertThat(EnvReference.variable("${env:ZTO_APP_SECRET}")).hasValue("ZTO_APP_SECRET");
        assertThat(EnvReference.variable(" ${env:A1} ")).hasValue("A1");
        assertThat(EnvReference.variable("prefix-${env:A1}")).isEmpty();
        assertThat(EnvReference.variable("${env:1A}")).isEmpty();
        assertThat(EnvReference.variable("literal")).isEmpty();
    }

    @Test
    void aScheduleOrRateLimitBeyondAnyUseIsAProblemNotAnOverflow() {
        for (String schedule : new String[] {"99999999999d", "99999999999999999999d", "32d"}) {
            assertThat(reader.read("id: a\ntype: http-pull\nschedule: " + schedule + "\n").problems())
                    .extracting(DefinitionProblem::toString)
                    .containsExactly("schedule: '" + schedule + "' is longer than 31d, the longest schedule");
        }
        assertThat(reader.read("id: a\ntype: http-pull\nschedule: 31d\n").definition().schedule()).isEqualTo(Duration.ofDays(31));
        for (String rate : new String[] {"1e400", "-1", "0", "fast"}) {
            assertThat(reader.read("id: a\ntype: http-pull\nrateLimit: " + rate + "\n").problems())
                    .extracting(DefinitionProblem::toString).as(rate)
                    .containsExactly("rateLimit: must be a positive number of calls per second");
        }
        assertThat(reader.read("id: a\ntype: http-pull\nrateLimit: 5000\n").problems()).extracting(DefinitionProblem::toString)
                .containsExactly("rateLimit: more than 1000 calls per second, which no partner takes; leave rateLimit out for no limit");
    }
}
