package dev.subsidy.connector.partners.carriers.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.partners.carriers.query.TraceLookup.Answer;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.TestConnectorContext;
import dev.subsidy.connector.testkit.TestRecord;
import dev.subsidy.simulators.carriers.CarrierSimulator;
import dev.subsidy.simulators.carriers.SfSimulator;
import dev.subsidy.simulators.carriers.ZtoSimulator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway's own trace questions against the carriers' simulators: batches of at most what the carrier
 * answers per call, each waybill answered as traced or unknown in the order asked, and a failure that
 * cannot pass (a refused credential, a rate limit that persists) not repeated for the waybills after it.
 */
class TraceLookupTest {

    private static final String SF_KNOWN = "SF1234567890301";
    private static final String ZTO_KNOWN = "731234567890301";

    @RegisterExtension
    final Partner partner = new Partner();

    @AfterEach
    void noSimulatorFailures() {
        assertThat(partner.responderFailures()).isEmpty();
    }

    private TestConnectorContext context(String carrier, String secret, Map<String, String> extra) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("carrier", carrier);
        s.put("base_url", partner.baseUrl());
        s.put("app_key", CarrierSimulator.APP_KEY);
        s.put("app_secret", secret);
        s.put("phone", "1234");
        s.putAll(extra);
        return TestConnectorContext.builder(TraceQuerySettings.CONFIG_DEF).connectorId("sf-verify").settings(s).build();
    }

    @Test
    void waybillsAreAskedInBatchesOfTheCarriersLimitAndAnsweredInOrder() throws Exception {
        new SfSimulator(SF_KNOWN).serve(partner, List.of(new TestRecord("SF0000000000017", Instant.EPOCH)));
        List<String> waybills = IntStream.rangeClosed(1, 23).mapToObj(i -> String.format("SF%013d", i)).toList();
        List<String> asked = new java.util.ArrayList<>(waybills);
        asked.set(4, SF_KNOWN);
        TestConnectorContext context = context("sf", CarrierSimulator.SECRET, Map.of());

        List<Answer> answers = TraceLookup.of(context, () -> false).lookup(asked);

        assertThat(context.exchanges()).as("SF answers ten waybills a call").hasSize(3);
        assertThat(answers).extracting(Answer::waybill).containsExactlyElementsOf(asked);
        assertThat(answers.get(4)).isInstanceOf(Answer.Traced.class);
        assertThat(((Answer.Traced) answers.get(4)).trace().position()).isEqualTo("waybill " + SF_KNOWN);
        assertThat(answers.get(16)).as("SF0000000000017, known to the simulator").isInstanceOf(Answer.Traced.class);
        assertThat(answers).filteredOn(a -> a instanceof Answer.Unknown).hasSize(21);
    }

    @Test
    void aRefusedSignatureFailsEveryWaybillAfterOneCall() throws Exception {
        new ZtoSimulator(ZTO_KNOWN).serve(partner, List.of());
        TestConnectorContext context = context("zto", "not-the-secret", Map.of());

        List<Answer> answers = TraceLookup.of(context, () -> false).lookup(List.of(ZTO_KNOWN, "731234567890302", "731234567890303"));

        assertThat(context.exchanges()).hasSize(1);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a).isInstanceOf(Answer.Failed.class);
            assertThat(((Answer.Failed) a).reason()).isEqualTo(Reason.UNAUTHORIZED);
            assertThat(((Answer.Failed) a).message()).contains("S211").doesNotContain("not-the-secret");
        });
        assertThat(((Answer.Failed) answers.get(2)).message()).startsWith("not asked: ");
    }

    @Test
    void aLimitThatPersistsStopsTheLookupWithoutAskingTheRest() throws Exception {
        ZtoSimulator simulator = new ZtoSimulator(ZTO_KNOWN);
        simulator.serve(partner, List.of());
        simulator.limitEveryCall();
        TestConnectorContext context = context("zto", CarrierSimulator.SECRET, Map.of("retry_max_attempts", "2"));

        List<Answer> answers = TraceLookup.of(context, () -> false).lookup(List.of(ZTO_KNOWN, "731234567890302"));

        assertThat(context.exchanges()).as("two attempts for the first waybill, none for the second").hasSize(2);
        assertThat(answers).extracting(a -> ((Answer.Failed) a).reason()).containsOnly(Reason.RATE_LIMITED);
    }

    @Test
    void aDefinitionWithoutWaybillsPollsNothingOnItsOwn() throws Exception {
        new ZtoSimulator(ZTO_KNOWN).serve(partner, List.of());
        TestConnectorContext context = context("zto", CarrierSimulator.SECRET, Map.of());
        PullConnector connector = (PullConnector) new TraceQueryProvider().create();
        connector.start(context);

        assertThat(connector.poll(Checkpoint.NONE).records()).isEmpty();
        assertThat(context.exchanges()).isEmpty();
        assertThat(new TraceQueryProvider().validate(Map.of("carrier", "zto", "base_url", partner.baseUrl(),
                "app_key", "a", "app_secret", "${env:X}"))).noneMatch(p -> p.setting().equals("waybills"));
        connector.stop();
    }
}
