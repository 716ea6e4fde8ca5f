package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.http.ApacheHttpTransport;
import dev.subsidy.connector.http.HttpPullProvider;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingResult;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A marketplace's example definition run by {@code http-pull} against the platform's simulator: the
 * whole contract of the test kit, then the platform's own refusals, then every order of the
 * platform's fixtures read and mapped by the definition's mapping into exactly the standard orders
 * written by hand beside them.
 *
 * <p>The settings are the example definition's own, secrets resolved from the test's environment;
 * only what a test must change is changed: {@code base_url} (the simulator), {@code window_start_at}
 * (twelve hours before the test clock), {@code page_size} 2 (so the contract's seven records take
 * several pages), {@code window_lookback} 0 (the contract counts every record exactly once) and
 * {@code rate_limit} 0: the instance's limiter counts real time while the test clock stands still, so
 * its waits would push the test clock, and with it the windows' horizon, ever further (the limiter
 * has its own tests in connector-http; the platforms' own limits are simulated here).
 */
abstract class MarketContractTest extends PullConnectorContractTest {

    private static MappingCatalog catalog;

    // ---- what a platform's test says ----

    /** The example definition's file name in {@code config/connectors/examples}. */
    protected abstract String definitionFile();

    /** Values of the environment variables the definition references (its secrets). */
    protected abstract Map<String, String> environment();

    /** A new simulator on the test's clock, knowing the secrets of {@link #environment()}. */
    protected abstract MarketSimulator simulator();

    /** The field holding an order's id in the platform's shape. */
    protected abstract String idField();

    /** The folder (under this package's test resources) of {@code orders.json} and {@code expected.json}. */
    protected abstract String fixtures();

    /** The definition's mapping parameters; a test may add what an operator would (the account's carrier ids). */
    protected Map<String, String> mappingParams() {
        return definition().mappingParams();
    }

    /** The standard orders the fixtures must give; {@code expected.json} unless a test adjusts it. */
    protected ArrayNode expectedOrders() {
        return (ArrayNode) resource("expected.json");
    }

    /** A {@code window_max} longer than the platform accepts, or empty when none is documented. */
    protected Optional<String> tooLongWindow() {
        return Optional.empty();
    }

    // ---- the contract kit's questions ----

    protected final ExampleDefinition definition() {
        return ExampleDefinition.load(definitionFile());
    }

    @Override
    protected final ConnectorProvider provider() {
        return new HttpPullProvider();
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        Map<String, String> s = definition().resolvedSettings(environment());
        s.put("base_url", baseUrl);
        s.put("window_start_at", now().minus(Duration.ofHours(12)).atOffset(ZoneOffset.ofHours(8)).toString());
        s.put("page_size", "2");
        s.put("window_lookback", "0s");
        s.put("rate_limit", "0");
        return s;
    }

    @Override
    protected final Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        Map<String, String> s = settings(baseUrl);
        s.put("signer_secret", "not-the-app-secret");
        return Optional.of(s);
    }

    @Override
    protected final PartnerApi partnerApi() {
        return simulator();
    }

    @Override
    protected final HttpTransport transport() {
        return new ApacheHttpTransport();
    }

    @Override
    protected final String idOf(SourceRecord record) {
        return json(record).path(idField()).asText(null);
    }

    // ---- the platform's refusals ----

    @Test
    void aWronglySignedRequestGetsThePlatformsOwnRefusal() throws Exception {
        MarketSimulator simulator = simulator();
        simulator.serve(partner(), records(RECORD_COUNT));
        PullConnector connector = start(context(settingsWithWrongCredentials(partner().baseUrl()).orElseThrow()));

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
        assertThat(simulator.refusals()).as("refused once, not retried").hasSize(1);
        assertThat(e.getMessage()).contains("partner error code " + simulator.refusals().get(0));
    }

    @Test
    void aCallBeyondThePlatformsLimitIsRefusedWithItsErrorAndRetriedLater() throws Exception {
        // two calls a second: a backward window's probe and last page pass, the next call is refused;
        // the connector's backoff moves the test clock a second on, and the call is answered
        MarketSimulator simulator = simulator().limitCalls(2);
        simulator.serve(partner(), records(RECORD_COUNT));
        PullConnector connector = start(context(settings(partner().baseUrl())));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(simulator.refusals()).as("the platform's limit error").isNotEmpty().containsOnly(simulator.limitCode());
        assertThat(ids(outcome.records())).as("every record once all the same").doesNotHaveDuplicates()
                .hasSize(RECORD_COUNT);
    }

    @Test
    void aWindowLongerThanThePlatformAllowsIsRefusedWithItsError() throws Exception {
        Assumptions.assumeTrue(tooLongWindow().isPresent(), "the platform documents no longest window");
        MarketSimulator simulator = simulator();
        simulator.serve(partner(), records(RECORD_COUNT));
        Map<String, String> settings = settings(partner().baseUrl());
        settings.put("window_max", tooLongWindow().get());
        settings.put("window_start_at", now().minus(Duration.ofDays(3)).atOffset(ZoneOffset.ofHours(8)).toString());
        PullConnector connector = start(context(settings));

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(ConnectorException.Reason.FATAL);
        assertThat(simulator.refusals()).hasSize(1);
        assertThat(e.getMessage()).contains("partner error code " + simulator.refusals().get(0));
    }

    // ---- end to end: the platform's orders to standard orders ----

    @Test
    void everyOrderBecomesExactlyTheStandardOrderWrittenBesideIt() throws Exception {
        List<ObjectNode> mapped = readAndMap();

        assertThat(sorted(mapped)).as("standard orders of %s", fixtures()).isEqualTo(sorted(expectedOrders()));
    }

    /** Serves the fixtures, reads them with the definition's settings to the end, and maps each record. */
    protected final List<ObjectNode> readAndMap() throws Exception {
        MarketSimulator simulator = simulator();
        List<ObjectNode> orders = new ArrayList<>();
        resource("orders.json").forEach(o -> orders.add((ObjectNode) o));
        simulator.serveOrders(partner(), orders);
        PullConnector connector = start(context(settings(partner().baseUrl())));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(ids(outcome.records())).as("every order read once").doesNotHaveDuplicates().hasSize(orders.size());
        List<ObjectNode> standard = new ArrayList<>();
        for (SourceRecord record : outcome.records()) {
            MappingResult result = catalog().get(definition().mapping()).apply(record, mappingParams());
            if (result instanceof MappingResult.Rejected rejected) {
                throw new AssertionError(rejected.describe());
            }
            standard.addAll(((MappingResult.Mapped) result).records());
        }
        return standard;
    }

    /** The standard order of that id among these. */
    protected static JsonNode order(List<ObjectNode> orders, String orderId) {
        return orders.stream().filter(o -> o.path("orderId").asText().equals(orderId)).findFirst()
                .orElseThrow(() -> new AssertionError("no standard order " + orderId + " in " + orders));
    }

    static synchronized MappingCatalog catalog() throws MappingLoadException {
        if (catalog == null) {
            catalog = MappingCatalog.load(ExampleDefinition.mappingsFolder());
        }
        return catalog;
    }

    protected final JsonNode resource(String name) {
        String path = fixtures() + "/" + name;
        try (InputStream in = MarketContractTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path + " beside " + MarketContractTest.class.getName());
            }
            return MarketSimulator.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> sorted(Iterable<? extends JsonNode> orders) {
        List<JsonNode> list = new ArrayList<>();
        orders.forEach(list::add);
        list.sort(Comparator.comparing(o -> o.path("orderId").asText()));
        return list;
    }

    private static JsonNode json(SourceRecord record) {
        try {
            return MarketSimulator.JSON.readTree(((SourceRecord.Json) record).json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
