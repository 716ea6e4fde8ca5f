package dev.subsidy.connector.partners.carriers.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.connector.testkit.TestConnectorContext;
import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingResult;
import dev.subsidy.simulators.carriers.CarrierSimulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A carrier's trace query against its simulator: the connector contract (paging through the
 * waybills, resume, 401, a wrong secret answered with the carrier's own error, Retry-After, malformed
 * replies, 500, nothing known), and per carrier: the queried trace, mapped, equals the hand-written
 * standard shipment; a burst over the carrier's limit is retried after a backoff; a limit that
 * persists is {@code RATE_LIMITED}.
 */
abstract class CarrierQueryTest extends PullConnectorContractTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WRONG_SECRET = "not-the-secret";

    private final CarrierSimulator simulator = simulator();

    /** A new simulator of the carrier. */
    abstract CarrierSimulator simulator();

    /** The {@code carrier} setting. */
    abstract String carrier();

    /** A waybill of the carrier's shape that the simulator knows. */
    abstract String realWaybill();

    /** The mapping a definition of this carrier names. */
    abstract String mapping();

    /** The standard shipment the real waybill's trace must become, written by hand. */
    abstract String expectedShipment();

    /** Settings the carrier needs beyond the common ones. */
    Map<String, String> extraSettings() {
        return Map.of();
    }

    /** The carrier's error code a wrong signature gets. */
    abstract String signatureErrorCode();

    @Override
    protected ConnectorProvider provider() {
        return new TraceQueryProvider();
    }

    @Override
    protected PartnerApi partnerApi() {
        return simulator;
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        String waybills = IntStream.rangeClosed(1, RECORD_COUNT).mapToObj(i -> String.format("rec-%02d", i)).collect(Collectors.joining(","));
        return settings(baseUrl, waybills, CarrierSimulator.SECRET);
    }

    @Override
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        return Optional.of(new LinkedHashMap<>(settings(baseUrl)) {{
                put("app_secret", WRONG_SECRET);
            }});
    }

    Map<String, String> settings(String baseUrl, String waybills, String secret) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("carrier", carrier());
        s.put("base_url", baseUrl);
        s.put("app_key", CarrierSimulator.APP_KEY);
        s.put("app_secret", secret);
        s.put("waybills", waybills);
        if (new TraceQueryProvider().validate(Map.of("carrier", carrier(), "batch_size", "2")).stream()
                .noneMatch(p -> p.setting().equals("batch_size"))) {
            s.put("batch_size", "2");
        }
        s.putAll(extraSettings());
        return s;
    }

    /** Records are positioned "waybill &lt;number&gt;". */
    @Override
    protected String idOf(SourceRecord record) {
        assertThat(record).as("a readable record").isInstanceOf(SourceRecord.Json.class);
        assertThat(record.position()).startsWith("waybill ");
        return record.position().substring("waybill ".length());
    }

    @Test
    void theQueriedTraceMapsToTheHandWrittenShipment() throws Exception {
        simulator.serve(partner(), List.of());
        PullConnector connector = start(context(settings(partner().baseUrl(), realWaybill(), CarrierSimulator.SECRET)));

        RecordBatch batch = connector.poll(Checkpoint.NONE);

        assertThat(batch.records()).hasSize(1);
        assertThat(batch.hasMore()).isFalse();
        Mapping mapping = MappingCatalog.load(Path.of("../../mappings")).get(mapping());
        MappingResult result = mapping.apply(batch.records().get(0));
        assertThat(result).as("mapped: %s", result).isInstanceOf(MappingResult.Mapped.class);
        List<? extends JsonNode> shipments = ((MappingResult.Mapped) result).records();
        assertThat(shipments).hasSize(1);
        JsonNode expected = JSON.readTree(expectedShipment());
        assertThat(shipments.get(0).equals(NUMBERS_BY_VALUE, expected))
                .as("mapped shipment %s%nexpected %s", shipments.get(0), expected).isTrue();
    }

    @Test
    void aWrongSecretGetsTheCarriersOwnError() throws Exception {
        simulator.serve(partner(), List.of());
        PullConnector connector = start(context(settings(partner().baseUrl(), realWaybill(), WRONG_SECRET)));

        Throwable thrown = catchThrowable(() -> connector.poll(Checkpoint.NONE));

        assertReason(thrown, ConnectorException.Reason.UNAUTHORIZED);
        assertThat(thrown.getMessage()).contains(signatureErrorCode()).doesNotContain(WRONG_SECRET);
    }

    @Test
    void aBurstOverTheCarriersLimitIsRetriedAfterABackoff() throws Exception {
        simulator.serve(partner(), List.of());
        simulator.limitCalls(1);
        TestConnectorContext context = context(settings(partner().baseUrl(), realWaybill(), CarrierSimulator.SECRET));
        PullConnector connector = start(context);

        RecordBatch batch = connector.poll(Checkpoint.NONE);

        assertThat(batch.records()).hasSize(1);
        assertThat(context.exchanges()).hasSize(2);
        assertThat(context.sleeps()).as("a backoff before the second call").hasSize(1);
        assertThat(java.time.Duration.between(context.exchanges().get(0).at(), context.exchanges().get(1).at()))
                .isEqualTo(context.sleeps().get(0));
    }

    @Test
    void aLimitThatPersistsIsRateLimited() throws Exception {
        simulator.serve(partner(), List.of());
        simulator.limitEveryCall();
        TestConnectorContext context = context(settings(partner().baseUrl(), realWaybill(), CarrierSimulator.SECRET));
        PullConnector connector = start(context);

        Throwable thrown = catchThrowable(() -> connector.poll(Checkpoint.NONE));

        assertReason(thrown, ConnectorException.Reason.RATE_LIMITED);
        assertThat(context.exchanges()).as("retry_max_attempts calls").hasSize(3);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };
}
